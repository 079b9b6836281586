import type { HighlightRange, SearchHit } from '../../../shared/search';
import { makeSnippet } from './snippet';
import { tokenize, wordSpans } from './text';
import type { Group, IndexData } from './types';

/** A ranked document as the UI shows it: snippet, highlight offsets (never markup), where it lives. */
export function buildHit(index: IndexData, scored: { id: number; score: number }, groups: Group[], filterEntities: string[]): SearchHit {
  const doc = index.docs[scored.id]!;
  const text = index.textOf(doc);
  const full = doc.title ? `${doc.title}\n${text}` : text;
  const wanted = new Set<number>();
  for (const g of groups) for (const id of g.alternatives.keys()) wanted.add(id);
  const ranges: HighlightRange[] = [];
  // The stored term ids line up with the word spans, so only offsets need finding here.
  const termIds = index.tokens[scored.id]!;
  const spans = wordSpans(full);
  if (spans.length === termIds.length * 2) {
    for (let i = 0; i < termIds.length; i++) if (wanted.has(termIds[i]!)) ranges.push({ start: spans[i * 2]!, end: spans[i * 2 + 1]! });
  } else {
    for (const token of tokenize(full)) {
      const id = index.vocabulary.idOf(token.term);
      if (id !== undefined && wanted.has(id)) ranges.push({ start: token.start, end: token.end });
    }
  }
  const offset = doc.title ? doc.title.length + 1 : 0;
  const entities = new Set(filterEntities);
  for (const g of groups) for (const e of g.entityIds) if (index.entityPassages.get(e)?.has(scored.id)) entities.add(e);
  for (const m of doc.mentions ?? []) if (entities.has(m.entityId)) ranges.push({ start: m.start + offset, end: m.end + offset });
  const textRanges = ranges.filter((r) => r.start >= offset).map((r) => ({ start: r.start - offset, end: r.end - offset }));
  const titleRanges = ranges.filter((r) => r.end <= (doc.title ? doc.title.length : 0));
  const hit: SearchHit = {
    kind: doc.kind,
    id: doc.ref,
    title: doc.kind === 'passage' ? sourceTitle(index, doc.sourceId) : doc.title,
    snippet: makeSnippet(text, textRanges),
    score: Math.round(scored.score * 1000) / 1000,
  };
  if (doc.kind !== 'passage' && titleRanges.length > 0) hit.titleRanges = titleRanges;
  if (doc.sourceId) hit.sourceId = doc.sourceId;
  if (doc.anchor) hit.anchor = doc.anchor;
  if (doc.ordinal !== undefined) hit.ordinal = doc.ordinal;
  if (doc.kind === 'passage') hit.matches = makeSnippet(text, textRanges, Number.MAX_SAFE_INTEGER).ranges;
  if (doc.entityType) hit.entityType = doc.entityType;
  return hit;
}

function sourceTitle(index: IndexData, sourceId: string | undefined): string {
  const id = sourceId === undefined ? undefined : index.sourceDocs.get(sourceId);
  return (id !== undefined ? index.docs[id]?.title : undefined) || sourceId || 'Untitled source';
}
