import type { HighlightRange, SearchHit } from '../../../shared/search';
import { makeSnippet, mergeRanges, snippetOfMerged } from './snippet';
import { Marks } from './marks';
import { scanWords } from './text';
import type { Group, IndexData, PassageView } from './types';
import { toSimplified } from '../../../shared/chineseVariants';
import { isCjkUnit } from '../../../shared/text';

/** Reused by every query: a bit per vocabulary word (5 KB per 40,000 words), cleared per query. */
const wantedWords = new Marks();

/**
 * Word ids the query matched, for highlighting, as a bit per word: each of a hit's tokens is
 * tested once, and a bit test cost a fifth of a Set lookup (2 µs a hit). Valid until the next call.
 */
export function wantedIds(index: IndexData, groups: Group[]): Marks {
  wantedWords.reset(index.vocabulary.size);
  for (const g of groups) {
    for (const id of g.alternatives.keys()) wantedWords.add(id);
    for (const forms of g.sequence ?? []) for (const id of forms) wantedWords.add(id);
  }
  return wantedWords;
}

/** The Chinese or Japanese characters typed alone (found inside pairs, groups.ts), or null. */
export function loneCharacters(groups: Group[]): Set<string> | null {
  const lone = groups.filter((g) => !g.sequence && g.label.length === 1 && isCjkUnit(g.label.charCodeAt(0))).map((g) => g.label);
  return lone.length > 0 ? new Set(lone) : null;
}

/** A pair of characters matched for a character typed alone marks that character, not the pair. */
function narrowedToCharacters(text: string, range: HighlightRange, lone: Set<string>): HighlightRange[] {
  if (range.end - range.start !== 2) return [range];
  const first = text.charCodeAt(range.start);
  const second = text.charCodeAt(range.start + 1);
  if (!isCjkUnit(first) || !isCjkUnit(second)) return [range];
  const out: HighlightRange[] = [];
  for (let at = range.start; at < range.end; at++) if (lone.has(toSimplified(text[at]!))) out.push({ start: at, end: at + 1 });
  return out.length > 0 ? out : [range];
}

/** Offsets of the matched words: the stored word ids line up with the text's word spans. */
function wordRanges(index: IndexData, doc: number, text: string, wanted: Marks, lone: Set<string> | null = null): HighlightRange[] {
  const tokens = index.chunks[index.tokChunk[doc]!]!;
  const start = index.tokStart[doc]!;
  const length = index.tokLen[doc]!;
  // Only as far as the last matched word: the rest of the text need not be scanned.
  let last = -1;
  for (let i = length - 1; i >= 0; i--) {
    if (wanted.has(tokens[start + i]!)) {
      last = i;
      break;
    }
  }
  const ranges: HighlightRange[] = [];
  if (last < 0) return ranges;
  // The shared span buffer is read before anything else scans.
  const { spans, count } = scanWords(text, last + 1);
  if (count !== last + 1) return ranges;
  for (let i = 0; i <= last; i++) {
    if (!wanted.has(tokens[start + i]!)) continue;
    const range = { start: spans[i * 2]!, end: spans[i * 2 + 1]! };
    if (lone) for (const narrowed of narrowedToCharacters(text, range, lone)) ranges.push(narrowed);
    else ranges.push(range);
  }
  return ranges;
}

/** The ids of the entities whose mentions a passage hit marks: those the query or a filter names. */
export function markedEntityIds(index: IndexData, groups: Group[], filterEntities: number[]): Set<string> {
  const entities = new Set<string>();
  const add = (e: number) => {
    const id = index.entities[e]?.id;
    if (id !== undefined) entities.add(id);
  };
  filterEntities.forEach(add);
  for (const g of groups) g.entityIds.forEach(add);
  return entities;
}

/** A passage as the UI shows it: snippet, highlight offsets (never markup), where it lives. */
export function buildPassageHit(
  index: IndexData,
  scored: { id: number; score: number },
  view: PassageView,
  groups: Group[],
  filterEntities: number[],
  wanted: Marks = wantedIds(index, groups),
  entities: Set<string> = markedEntityIds(index, groups, filterEntities),
  lone: Set<string> | null = loneCharacters(groups),
): SearchHit {
  const doc = scored.id;
  const ranges = wordRanges(index, doc, view.text, wanted, lone);
  if (entities.size > 0) for (const m of view.mentions) if (entities.has(m.entityId)) ranges.push({ start: m.start, end: m.end });
  // Merged once: the snippet is cut from the same ranges the reader's marks use.
  const matches = mergeRanges(ranges);
  const source = index.sources[index.sourceOf[doc]!]!;
  return {
    kind: 'passage',
    id: String(index.refOf[doc]),
    title: source.title || source.id || 'Untitled source',
    snippet: snippetOfMerged(view.text, matches),
    score: Math.round(scored.score * 1000) / 1000,
    sourceId: source.id,
    anchor: view.anchor,
    ordinal: view.ordinal,
    matches,
  };
}

/** A source, entity or note hit; title matches are marked in the title. */
export function buildSmallHit(index: IndexData, scored: { id: number; score: number }, wanted: Marks): SearchHit {
  const doc = index.small.get(scored.id)!;
  const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
  const ranges = wordRanges(index, scored.id, full, wanted);
  const offset = doc.title ? doc.title.length + 1 : 0;
  const textRanges = ranges.filter((r) => r.start >= offset).map((r) => ({ start: r.start - offset, end: r.end - offset }));
  // Merged: overlapping pairs of Chinese characters would otherwise be marked piece by piece.
  const titleRanges = mergeRanges(ranges.filter((r) => r.end <= (doc.title ? doc.title.length : 0)));
  const hit: SearchHit = {
    kind: doc.kind,
    id: doc.ref,
    title: doc.title,
    snippet: makeSnippet(doc.text, textRanges),
    score: Math.round(scored.score * 1000) / 1000,
  };
  if (titleRanges.length > 0) hit.titleRanges = titleRanges;
  if (doc.kind === 'source') hit.sourceId = doc.ref;
  if (doc.entityType) hit.entityType = doc.entityType;
  return hit;
}
