import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors';

/** The store's tools (SQLite, the Markdown writer) load only when one of these commands runs. */
const storeTools = async () => {
  const [backup, db, doctor, { migrations }] = await Promise.all([
    import('../../main/services/store/backup'),
    import('../../main/services/store/db'),
    import('../../main/services/store/doctor'),
    import('../../main/services/store/migrations'),
  ]);
  return { ...backup, ...doctor, DATABASE_FILE: db.DATABASE_FILE, latestSchema: migrations.at(-1)?.version ?? 0 };
};
import type { Runner } from './types';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export const doctorCommand: Runner = {
  async run(ctx, _positionals, options) {
    const { DATABASE_FILE, checkDatabaseFile, listBackups, exportNotesAsMarkdown, repairCopy } = await storeTools();
    const dbFile = path.join(ctx.dataDir, DATABASE_FILE);
    if (!fs.existsSync(dbFile)) throw new ApiError('not_found', `There is no notebook in ${ctx.dataDir}.`);
    const size = fs.statSync(dbFile).size;
    const check = size === 0 ? { ok: false, schemaVersion: 0, problems: ['the file is empty (0 bytes)'] } : checkDatabaseFile(dbFile);
    const backups = listBackups(dbFile);
    const report: Record<string, unknown> = {
      dataDir: ctx.dataDir,
      ok: check.ok,
      schemaVersion: check.schemaVersion,
      problems: check.problems,
    };
    report.backups = backups.slice(0, 5).map((b) => ({ file: b.file, kind: b.kind, createdAt: b.createdAt }));
    if (typeof options['export-notes'] === 'string' && size > 0)
      report.notesExport = exportNotesAsMarkdown(dbFile, path.resolve(options['export-notes']));
    if (options.repair === true) {
      const dest = path.resolve(
        typeof options.to === 'string' ? options.to : path.join(ctx.dataDir, `notebook.repaired-${stamp()}.sqlite`),
      );
      report.repair = repairCopy(dbFile, dest);
    }
    if (options['rebuild-index'] === true) {
      if (!check.ok) throw new ApiError('corrupt', 'The notebook is damaged; repair or restore it before rebuilding the search index.');
      report.index = await ctx.host.search.rebuild({});
    }
    if (ctx.json) return ctx.out(JSON.stringify(report, null, 2));
    ctx.out(
      check.ok ? `The notebook in ${ctx.dataDir} is sound (schema ${check.schemaVersion}).` : `The notebook in ${ctx.dataDir} is damaged:`,
    );
    for (const problem of check.problems) ctx.out(`  ${problem}`);
    if (report.notesExport) {
      const { written, unreadable } = report.notesExport as { written: string[]; unreadable: number };
      ctx.out(
        `Saved ${written.length} note(s) as Markdown in ${path.resolve(options['export-notes'] as string)}${unreadable ? ` (${unreadable} only as plain text)` : ''}.`,
      );
    }
    if (report.repair) {
      const repair = report.repair as ReturnType<typeof repairCopy>;
      ctx.out(`Wrote a repaired copy (${repair.method}) to ${repair.file}: ${repair.check.ok ? 'sound' : 'still damaged'}.`);
      for (const t of repair.tables) ctx.out(`  ${t.table}: ${t.rows} row(s) kept`);
      ctx.out(`Use it with: sourcebook restore "${repair.file}"`);
    }
    if (!check.ok && !report.repair) {
      ctx.out(
        'Next: `sourcebook doctor --export-notes FOLDER` saves your notes as Markdown; `sourcebook doctor --repair` writes a repaired copy;',
      );
      ctx.out(backups[0] ? `or restore the latest backup (${backups[0].createdAt}): sourcebook restore latest` : 'no backup exists yet.');
    }
    if (!check.ok) throw new ApiError('corrupt', 'the notebook is damaged (see above).');
  },
};

export const backupCommand: Runner = {
  async run(ctx, _positionals, options) {
    const { DATABASE_FILE, backupOnline, backupPath, listBackups } = await storeTools();
    const dbFile = path.join(ctx.dataDir, DATABASE_FILE);
    if (options.list === true) {
      const list = listBackups(dbFile);
      if (ctx.json) return ctx.out(JSON.stringify(list, null, 2));
      if (!list.length) return ctx.out('No backups yet.');
      for (const b of list) ctx.out(`${b.createdAt}  ${b.kind.padEnd(16)} ${(b.bytes / 1024 / 1024).toFixed(1)} MB  ${b.file}`);
      return;
    }
    const notebook = ctx.notebook();
    const dest = typeof options.to === 'string' ? path.resolve(options.to) : backupPath(dbFile, 'manual');
    if (fs.existsSync(dest)) throw new ApiError('conflict', `${dest} already exists; name a new file.`);
    await backupOnline(notebook.db, dest);
    if (ctx.json) return ctx.out(JSON.stringify({ file: dest }));
    ctx.out(`Backed up the notebook to ${dest}.`);
  },
};

export const restoreCommand: Runner = {
  async run(ctx, [which]) {
    const { DATABASE_FILE, listBackups, restoreBackup, latestSchema } = await storeTools();
    const dbFile = path.join(ctx.dataDir, DATABASE_FILE);
    if (!which) throw new ApiError('invalid_input', 'name a backup file, or "latest" (see `sourcebook backup --list`)');
    const file = which === 'latest' ? listBackups(dbFile)[0]?.file : path.resolve(which);
    if (!file || !fs.existsSync(file)) throw new ApiError('not_found', which === 'latest' ? 'There is no backup yet.' : `No file ${file}.`);
    const { keptAs } = await restoreBackup(dbFile, file, latestSchema);
    if (ctx.json) return ctx.out(JSON.stringify({ restored: file, keptAs }));
    ctx.out(`Restored the notebook from ${file}. The notebook as it was is kept as ${keptAs}.`);
  },
};
