import fs from 'node:fs';
import { ApiError } from '../../shared/errors';
import type { SearchHit } from '../../shared/search';
import type { CliContext } from '../context';
import type { Runner } from './types';
import { writeOut } from '../output';

const KIND_LABEL: Record<SearchHit['kind'], string> = { passage: 'Passages', source: 'Sources', entity: 'Entities', note: 'Notes' };

/** Terminal highlighting from the ranges: [brackets] around matches, the text itself untouched. */
function marked(text: string, ranges: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${text.slice(at, r.start)}[${text.slice(r.start, r.end)}]`;
    at = r.end;
  }
  return out + text.slice(at);
}

function where(hit: SearchHit): string {
  if (hit.kind === 'passage') return `${hit.sourceId} ¶${hit.ordinal}`;
  if (hit.kind === 'entity') return `${hit.id} (${hit.entityType})`;
  return hit.id;
}

/**
 * A one-shot command waits for the index (built with progress on stderr when missing) and fails
 * with the reason, exit code 1, when it cannot answer: never an empty list that looks like "no results".
 */
async function indexReady(ctx: CliContext): Promise<void> {
  const notebook = ctx.notebook();
  const off = notebook.on('progress', (p) => {
    if (!ctx.json && process.stderr.isTTY && p.task === 'search-index')
      process.stderr.write(`\r${p.label}: ${p.done} of ${p.total}${p.finished ? '\n' : ''}`);
  });
  try {
    const status = await notebook.search.ready();
    if (status.state === 'failed')
      throw new ApiError(
        'unavailable',
        `Search cannot answer: ${status.message ?? 'the index could not be built'}. Try again, or rebuild it from the app.`,
      );
  } finally {
    off();
  }
}

export const searchCommand: Runner = {
  async run(ctx, positionals, options) {
    if (typeof options.batch === 'string') return batch(ctx, options.batch, options.csv === true);
    const q = positionals.join(' ');
    const limit = options.limit === undefined ? undefined : Number(options.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new ApiError('invalid_input', `--limit must be a whole number of at least 1 (got "${String(options.limit)}").`);
    await indexReady(ctx);
    const response = await ctx.host.search.query(limit === undefined ? { q } : { q, limit });
    if (ctx.json) return ctx.out(JSON.stringify(response, null, 2));
    for (const problem of response.problems) ctx.out(`! ${problem}`);
    for (const notice of response.notices ?? []) ctx.out(`note: ${notice}`);
    if (response.groups.length === 0) return ctx.out(`No results for "${q}".`);
    for (const group of response.groups) {
      ctx.out(`\n${KIND_LABEL[group.kind]} (${group.hits.length} of ${group.total})`);
      for (const hit of group.hits) {
        const s = hit.snippet;
        ctx.out(`  ${where(hit)}  ${hit.title}`);
        ctx.out(`    ${s.clippedStart ? '…' : ''}${marked(s.text, s.ranges)}${s.clippedEnd ? '…' : ''}`);
      }
    }
  },
};

async function batch(ctx: CliContext, file: string, csv: boolean): Promise<void> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ApiError('invalid_input', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const { batchToCsv, parseTerms } = await import('../../shared/batchCsv');
  const terms = parseTerms(text);
  if (terms.length === 0)
    throw new ApiError('invalid_input', `${file}: has no terms (one per line, or CSV with the terms in the first column).`);
  await indexReady(ctx);
  const result = await ctx.host.search.batch({ terms });
  if (ctx.json) return ctx.out(JSON.stringify(result, null, 2));
  if (csv) return writeOut(batchToCsv(result));
  for (const row of result.rows) {
    ctx.out(`${row.term}: ${row.total} passage${row.total === 1 ? '' : 's'}`);
    for (const p of row.problems) ctx.out(`  ! ${p}`);
    for (const s of row.sources) ctx.out(`  ${String(s.passages).padStart(5)}  ${s.sourceId}  ${s.title}`);
  }
}
