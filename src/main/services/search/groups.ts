import type { ParsedQuery } from './query';
import { foldedWords, stem, terms } from './text';
import type { Group, IndexData } from './types';

const PREFIX_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.65;
const PHRASE_BOOST = 1.5;
const PREFIX_EXPANSIONS = 24;
const TYPO_EXPANSIONS = 8;

/** Turns the typed words and phrases into groups of term ids with their weights and rarity. */
export function buildGroups(index: IndexData, parsed: ParsedQuery): Group[] {
  const { vocabulary } = index;
  const n = index.liveCount || 1;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const groups: Group[] = [];
  const folded = parsed.words.map((w) => foldedWords(w));
  // Each typed word may itself split ("Hewlett-Packard" is two words); flatten with the typed index kept.
  const flat: { word: string; typed: number }[] = folded.flatMap((parts, typed) => parts.map((word) => ({ word, typed })));
  const lastTyped = parsed.words.length - 1;
  const entitySpans = entitySpansOf(
    index,
    flat.map((f) => f.word),
  );

  flat.forEach(({ word, typed }, position) => {
    const alternatives = new Map<number, number>();
    const exact = vocabulary.idOf(stem(word));
    if (exact !== undefined && vocabulary.frequency(exact) > 0) alternatives.set(exact, 1);
    const isPrefix = parsed.prefixLast && typed === lastTyped && position === flat.length - 1;
    if (isPrefix) {
      for (const id of vocabulary.withPrefix(word, PREFIX_EXPANSIONS)) if (!alternatives.has(id)) alternatives.set(id, PREFIX_WEIGHT);
    }
    if (alternatives.size === 0) {
      for (const id of vocabulary.nearby(stem(word), TYPO_EXPANSIONS)) alternatives.set(id, TYPO_WEIGHT);
      if (alternatives.size === 0) for (const id of vocabulary.nearby(word, TYPO_EXPANSIONS)) alternatives.set(id, TYPO_WEIGHT);
    }
    const primary = exact ?? [...alternatives.keys()][0];
    const entityIds = entitySpans.get(position) ?? [];
    const mentioned = entityIds.reduce((sum, e) => sum + (index.entityPassages.get(e)?.size ?? 0), 0);
    groups.push({
      label: word,
      alternatives,
      sequence: null,
      impossible: false,
      entityIds,
      idf: idf(primary === undefined ? 0 : vocabulary.frequency(primary)),
      entityIdf: idf(mentioned),
    });
  });

  for (const phrase of parsed.phrases) {
    const sequence = terms(phrase).map((t) => vocabulary.idOf(t) ?? -1);
    if (sequence.length === 0) continue;
    const idfSum = sequence.reduce((sum, id) => sum + idf(id < 0 ? 0 : vocabulary.frequency(id)), 0);
    groups.push({
      label: phrase,
      alternatives: new Map(sequence.filter((id) => id >= 0).map((id) => [id, 1])),
      sequence,
      impossible: sequence.includes(-1),
      entityIds: [],
      idf: idfSum * PHRASE_BOOST,
      entityIdf: 0,
    });
  }
  return groups;
}

/** Word positions covered by an entity name or alias typed in full, such as "MSS" or "state security ministry". */
function entitySpansOf(index: IndexData, words: string[]): Map<number, string[]> {
  const spans = new Map<number, string[]>();
  for (let start = 0; start < words.length; start++) {
    for (let end = Math.min(words.length, start + 6); end > start; end--) {
      const entities = index.aliasIndex.get(words.slice(start, end).join(' '));
      if (!entities || entities.size === 0) continue;
      for (let i = start; i < end; i++) spans.set(i, [...(spans.get(i) ?? []), ...entities]);
    }
  }
  return spans;
}

/** How many documents a group could match: the rarest group supplies the candidates. */
export function groupCost(index: IndexData, group: Group): number {
  const { vocabulary } = index;
  if (group.sequence) return Math.min(...group.sequence.map((id) => (id < 0 ? 0 : vocabulary.frequency(id))));
  let cost = 0;
  for (const id of group.alternatives.keys()) cost += vocabulary.frequency(id);
  for (const e of group.entityIds) cost += index.entityPassages.get(e)?.size ?? 0;
  return cost;
}

export function aliasKey(alias: string): string {
  return foldedWords(alias).join(' ');
}
