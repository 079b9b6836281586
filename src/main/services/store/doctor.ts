import type Database from 'better-sqlite3';
import { openSqlite } from './driver';
import fs from 'node:fs';
import path from 'node:path';
import type { SerializedNoteDocument } from '../../../shared/notes';
import { writeFileAtomically } from '../files/atomic';
import { documentToMarkdown } from '../notes/markdown';
import { checkDatabaseFile, type BackupCheck } from './backup';
import { migrate } from './db';
import { migrations } from './migrations';

/**
 * What `sourcebook doctor` does with a notebook that may be damaged. Everything here reads the
 * file directly and tolerates errors row by row, because the notebook service itself may not open.
 */
const open = (file: string) => openSqlite(file, { readonly: true, fileMustExist: true });

/** Rows of a table, read in rowid order; a damaged stretch is skipped, never the whole table. */
function* salvageRows(db: Database.Database, table: string): Generator<Record<string, unknown>> {
  let maxRowid: number;
  try {
    maxRowid = (db.prepare(`SELECT max(rowid) AS m FROM "${table}"`).get() as { m: number | null }).m ?? 0;
  } catch {
    maxRowid = 1_000_000;
  }
  const next = db.prepare(`SELECT rowid AS __rowid, * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT 1`);
  let at = 0;
  let step = 1;
  while (at <= maxRowid) {
    let row: (Record<string, unknown> & { __rowid: number }) | undefined;
    try {
      row = next.get(at) as typeof row;
    } catch {
      // Unreadable here: skip ahead, further each time, until reading works again.
      at += step;
      step = Math.min(step * 2, 4096);
      continue;
    }
    if (!row) return;
    step = 1;
    at = row.__rowid;
    const { __rowid: _, ...rest } = row;
    yield rest;
  }
}

export interface NotesExport {
  written: string[];
  unreadable: number;
}

/** Every note that can still be read, as Markdown files in `dir` (citations as footnotes). */
export function exportNotesAsMarkdown(dbFile: string, dir: string): NotesExport {
  fs.mkdirSync(dir, { recursive: true });
  const db = open(dbFile);
  const written: string[] = [];
  let unreadable = 0;
  try {
    for (const row of salvageRows(db, 'note')) {
      const id = String(row.id);
      const title = String(row.title ?? 'Untitled');
      let markdown: string;
      try {
        markdown = documentToMarkdown(title, JSON.parse(String(row.document)) as SerializedNoteDocument, []);
      } catch {
        markdown = `# ${title}\n\n${String(row.plain_text ?? '')}\n`;
        if (!row.plain_text) unreadable++;
      }
      const safe =
        title
          .replace(/[^\p{L}\p{N} _-]+/gu, '')
          .trim()
          .slice(0, 60) || 'note';
      written.push(writeFileAtomically(path.join(dir, `${safe} (${id}).md`), markdown));
    }
  } finally {
    db.close();
  }
  return { written, unreadable };
}

export interface RepairResult {
  file: string;
  method: 'vacuum' | 'salvage';
  tables: { table: string; rows: number }[];
  check: BackupCheck;
}

/**
 * A repaired copy at `dest`: first VACUUM INTO (a clean rebuild when every page can be read);
 * if that fails or the copy is not sound, a salvage that creates a new notebook with the current
 * schema and copies every row that can still be read, table by table.
 */
export function repairCopy(dbFile: string, dest: string): RepairResult {
  if (fs.existsSync(dest)) throw new Error(`${dest} already exists; name a new file.`);
  const source = open(dbFile);
  try {
    try {
      source.prepare('VACUUM INTO ?').run(dest);
      const check = checkDatabaseFile(dest);
      if (check.ok) {
        fs.chmodSync(dest, 0o600);
        return { file: dest, method: 'vacuum', tables: [], check };
      }
    } catch {
      // Some page cannot be read: salvage below.
    }
    fs.rmSync(dest, { force: true });
    fs.closeSync(fs.openSync(dest, 'wx', 0o600));
    const target = openSqlite(dest);
    const tables: { table: string; rows: number }[] = [];
    try {
      migrate(target, migrations);
      target.pragma('foreign_keys = OFF');
      const names = (
        target.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      target.transaction(() => {
        for (const table of names) {
          let rows = 0;
          try {
            for (const row of salvageRows(source, table)) {
              const columns = Object.keys(row);
              target
                .prepare(
                  `INSERT OR IGNORE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
                )
                .run(...columns.map((c) => row[c]));
              rows++;
            }
          } catch {
            // The table is missing from the damaged file: nothing to copy.
          }
          tables.push({ table, rows });
        }
        // Triggers logged every copied row as a change; the original log is what counts.
        target.exec('DELETE FROM change_log');
        for (const row of salvageRows(source, 'change_log')) {
          const columns = Object.keys(row);
          target
            .prepare(
              `INSERT OR IGNORE INTO change_log (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            )
            .run(...columns.map((c) => row[c]));
        }
      })();
    } finally {
      target.close();
    }
    return { file: dest, method: 'salvage', tables, check: checkDatabaseFile(dest) };
  } finally {
    source.close();
  }
}
