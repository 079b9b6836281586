import type { EntityMentionInContext } from '../../../../shared/domain';

/** One passage that names the entity, with every place in it where it does. */
export interface PassageMentions {
  sourceId: string;
  sourceTitle: string | null;
  passageAnchor: string;
  passageOrdinal: number;
  text: string;
  ranges: { start: number; end: number; mentionId: number }[];
}

export interface SourceMentions {
  sourceId: string;
  sourceTitle: string | null;
  mentionCount: number;
  passages: PassageMentions[];
}

/**
 * Groups an entity's mentions by source and passage: a passage that names it three times is one
 * card with three marks, not three cards. Sources keep the order of the notebook (by id), passages
 * their order in the text.
 */
export function groupMentions(mentions: readonly EntityMentionInContext[]): SourceMentions[] {
  const sources = new Map<string, SourceMentions>();
  const passages = new Map<string, PassageMentions>();
  for (const m of mentions) {
    let source = sources.get(m.sourceId);
    if (!source) {
      source = { sourceId: m.sourceId, sourceTitle: m.sourceTitle, mentionCount: 0, passages: [] };
      sources.set(m.sourceId, source);
    }
    source.mentionCount++;
    const key = `${m.sourceId}#${m.passageAnchor}`;
    let passage = passages.get(key);
    if (!passage) {
      passage = {
        sourceId: m.sourceId,
        sourceTitle: m.sourceTitle,
        passageAnchor: m.passageAnchor,
        passageOrdinal: m.passageOrdinal,
        text: m.before + m.match + m.after,
        ranges: [],
      };
      passages.set(key, passage);
      source.passages.push(passage);
    }
    passage.ranges.push({ start: m.before.length, end: m.before.length + m.match.length, mentionId: m.mentionId });
  }
  const list = [...sources.values()].sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  for (const s of list) {
    s.passages.sort((a, b) => a.passageOrdinal - b.passageOrdinal);
    for (const p of s.passages) p.ranges.sort((a, b) => a.start - b.start);
  }
  return list;
}

/** A long passage is cut around its marks, keeping `context` characters either side. */
export function excerpt(
  passage: PassageMentions,
  context = 120,
): { text: string; ranges: { start: number; end: number }[]; offset: number } {
  const first = passage.ranges[0]!.start;
  const last = passage.ranges.at(-1)!.end;
  const from = Math.max(0, first - context);
  const to = Math.min(passage.text.length, last + context);
  const text = (from > 0 ? '…' : '') + passage.text.slice(from, to) + (to < passage.text.length ? '…' : '');
  const shift = (from > 0 ? 1 : 0) - from;
  return { text, ranges: passage.ranges.map((r) => ({ start: r.start + shift, end: r.end + shift })), offset: shift };
}
