import { ApiError } from '../../shared/errors';
import type { SearchHit } from '../../shared/search';
import type { Command } from './types';

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

export const searchCommand: Command = {
  name: 'search',
  usage: 'search "<query>" [--limit N] [--json]',
  summary: 'Search passages, sources, entities and notes; filters: entity: source: type: from: to:',
  options: { limit: { type: 'string', description: 'results per kind (default 10)' } },
  async run(ctx, positionals, options) {
    const q = positionals.join(' ');
    const limit = options.limit === undefined ? undefined : Number(options.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new ApiError('invalid_input', `--limit must be a whole number of at least 1 (got "${String(options.limit)}").`);
    const response = await ctx.host.search.query(limit === undefined ? { q } : { q, limit });
    if (ctx.json) return ctx.out(JSON.stringify(response, null, 2));
    for (const problem of response.problems) ctx.out(`! ${problem}`);
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
