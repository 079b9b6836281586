import { ApiError } from '../../shared/errors';
import type { QuoteDiffPart, ReviewDecision, ReviewItem } from '../../shared/notes';
import type { Runner } from './types';

/** A citation named on the command line: its note and its key, as `review` lists them. */
const citationRef = (item: ReviewItem) => `${item.noteId}/${item.citation.key}`;

/** The word-level diff in plain text: removed words in [-…-], added words in {+…+}, as `git diff --word-diff` shows them. */
export function wordDiffText(diff: readonly QuoteDiffPart[]): string {
  return diff.map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

function describe(item: ReviewItem): string[] {
  const c = item.citation;
  const last = c.history.at(-1);
  const lines = [
    `${citationRef(item)}  ${c.status}  in note "${item.noteTitle}" — ${c.sourceTitle ?? c.sourceId}, ¶${c.passageOrdinal}`,
    `  was: “${c.exact}”`,
  ];
  if (last?.suggestion) lines.push(`  now: “${last.suggestion.exact}”`);
  else lines.push('  now: (no passage like it in the current text)');
  if (last?.diff) lines.push(`  diff: ${wordDiffText(last.diff)}`);
  if (last?.reason) lines.push(`  why: ${last.reason}`);
  return lines;
}

const DECISIONS: readonly ReviewDecision[] = ['accept', 'keep-pinned', 'remove'];

export const reviewCommand: Runner = {
  async run(ctx, positionals, options) {
    const chosen = DECISIONS.filter((d) => options[d] === true);
    const [target, ...rest] = positionals;
    if (rest.length) throw new ApiError('invalid_input', `unexpected argument "${rest[0]}"; decide one citation at a time`);
    if (!target) {
      if (chosen.length)
        throw new ApiError('invalid_input', `name the citation to decide: sourcebook review <note-id>/<key> --${chosen[0]}`);
      const items = await ctx.host.notes.reviewList({});
      if (ctx.json) return ctx.out(JSON.stringify(items, null, 2));
      if (!items.length) return ctx.out('Nothing to review: every citation quotes its words as they stand.');
      ctx.out(`${items.length} citation${items.length === 1 ? '' : 's'} to review (decide with --accept, --keep-pinned or --remove):`);
      for (const item of items) for (const line of describe(item)) ctx.out(line);
      return;
    }
    const match = /^(n-[a-z0-9-]+)\/(.+)$/u.exec(target);
    if (!match)
      throw new ApiError('invalid_input', `"${target}" is not a citation; name it as <note-id>/<key>, as \`sourcebook review\` lists them`);
    if (chosen.length !== 1) throw new ApiError('invalid_input', 'decide with exactly one of --accept, --keep-pinned, --remove');
    const [, id, key] = match;
    const decision = chosen[0]!;
    const result = await ctx.host.notes.decide({ id: id!, key: key!, decision });
    if (ctx.json) return ctx.out(JSON.stringify(result, null, 2));
    const c = result.citations.find((x) => x.key === key);
    if (decision === 'remove') return ctx.out(`Removed citation ${key} from note ${id}; the note as it was is kept as a revision.`);
    ctx.out(`Citation ${key} is now ${c?.status ?? 'decided'}: “${c?.exact ?? ''}”.`);
  },
};
