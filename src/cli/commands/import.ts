import type { ImportSummary } from '../../shared/imports';
import type { TaskProgress } from '../../shared/domain';
import { terminalSafe } from '../../shared/text';
import { ApiError } from '../../shared/errors';
import type { Runner } from './types';

export const importCommand: Runner = {
  async run(ctx, positionals, options) {
    if (positionals.length === 0) throw new ApiError('invalid_input', 'Name at least one file or folder to import.');
    const maxMb = options['max-size'] === undefined ? undefined : Number(options['max-size']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new ApiError('invalid_input', '--max-size must be a positive number of megabytes.');
    const notebook = ctx.notebook();
    // Progress goes to stderr so --json output stays one parseable document.
    const off = notebook.on('progress', (p: TaskProgress) => {
      if (!ctx.json && process.stderr.isTTY && /^import:[^:]+$/.test(p.task))
        process.stderr.write(`\r${terminalSafe(p.label)}${p.finished ? '\n' : ''}`);
    });
    const jobId = `cli-${process.pid}-${Date.now()}`;
    const stop = () => void ctx.host.imports.cancel({ jobId });
    process.once('SIGINT', stop);
    let summary: ImportSummary;
    try {
      summary = await ctx.host.imports.importPaths({
        jobId,
        paths: positionals,
        ...(typeof options['new-version-of'] === 'string' ? { newVersionOf: options['new-version-of'] } : {}),
        ...(maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {}),
      });
    } finally {
      off();
      process.off('SIGINT', stop);
    }
    if (ctx.json) ctx.out(JSON.stringify(summary, null, 2));
    else {
      for (const s of summary.imported) {
        ctx.out(
          `imported  ${s.fileName} → ${s.sourceId}${s.newVersion ? ' (new version)' : ''}: ${s.passageCount} passages, ${s.mentionCount} entity mentions, ${s.suggestionCount} suggested entities`,
        );
        for (const c of s.citationsToReview) ctx.out(`  citation to review in note ${c.noteId}: “${c.exact.slice(0, 60)}” (${c.status})`);
      }
      for (const f of summary.failures) ctx.out(`failed    ${f.fileName}: ${f.reason}`);
      for (const m of summary.savedSearches ?? [])
        ctx.out(`saved search: ${m.newPassages} new passage${m.newPassages === 1 ? '' : 's'} match '${m.query}'`);
      ctx.out(
        `${summary.imported.length} imported, ${summary.failures.length} failed${summary.cancelled ? ' (cancelled)' : ''} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
      );
    }
    // Every file failed: say so and exit non-zero (the summary above names each file and its reason).
    if (summary.failures.length > 0 && summary.imported.length === 0)
      throw new ApiError('invalid_input', `nothing was imported: all ${summary.failures.length} file(s) failed.`);
  },
};
