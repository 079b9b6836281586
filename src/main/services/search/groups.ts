import type { ParsedQuery } from './query';
import { isCjkUnit } from '../../../shared/text';
import { foldedWords, isCjkWord } from './text';
import { typedWords } from './typedWords';
import type { Group, IndexData } from './types';

const FORM_WEIGHT = 0.9;
const PREFIX_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.65;
const PREFIX_TYPO_WEIGHT = 0.55;
const PHRASE_BOOST = 1.5;
const PREFIX_EXPANSIONS = 24;
const TYPO_EXPANSIONS = 8;
/** Completions of near spellings of a prefix: many words share a short prefix, and the other words decide. */
const PREFIX_TYPO_EXPANSIONS = 48;
/** A typed word this rare next to a near spelling this many times more frequent may be a typo itself. */
const RARE_DF = 3;
const MUCH_MORE_FREQUENT = 20;
const RARE_LIMIT = 10;

/**
 * Turns the typed words and phrases into groups of word ids with weights: the word as typed (1),
 * its other forms (stems in the notebook's languages, never cutting names), completions of the
 * last word while typing, and near spellings (one edit, swaps included) when the word is unknown
 * or rare beside a far more frequent near spelling, including near spellings of the prefix
 * being typed. Typos are corrected on surface words, so "accordig" finds "according".
 */
export function buildGroups(index: IndexData, parsed: ParsedQuery): Group[] {
  const { vocabulary } = index;
  const n = Math.max(1, index.liveByKind[0]! + index.liveByKind[1]! + index.liveByKind[2]! + index.liveByKind[3]!);
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const groups: Group[] = [];
  const flat: { word: string; typed: number }[] = [];
  const lastTyped = parsed.words.length - 1;
  parsed.words.forEach((w, typed) => {
    for (const word of typedWords(vocabulary, w, parsed.prefixLast && typed === lastTyped)) flat.push({ word, typed });
  });
  const entitySpans = entitySpansOf(
    index,
    flat.map((f) => f.word),
  );

  flat.forEach(({ word, typed }, position) => {
    const alternatives = new Map<number, number>();
    const add = (id: number, weight: number) => {
      if ((alternatives.get(id) ?? 0) < weight) alternatives.set(id, weight);
    };
    const exact = vocabulary.idOf(word);
    const exactDf = exact === undefined ? 0 : vocabulary.frequency(exact);
    if (exact !== undefined && exactDf > 0) add(exact, 1);
    for (const id of vocabulary.family(word, index.languageMask)) add(id, FORM_WEIGHT);
    const isPrefix = parsed.prefixLast && typed === lastTyped && position === flat.length - 1;
    if (isPrefix) for (const id of vocabulary.withPrefix(word, PREFIX_EXPANSIONS)) add(id, PREFIX_WEIGHT);
    // A Chinese or Japanese character typed alone is in the pairs it starts and those it ends.
    if (word.length === 1 && isCjkUnit(word.charCodeAt(0))) {
      if (!isPrefix) for (const id of vocabulary.withPrefix(word, PREFIX_EXPANSIONS)) add(id, PREFIX_WEIGHT);
      for (const id of vocabulary.pairsEndingWith(word, PREFIX_EXPANSIONS)) add(id, PREFIX_WEIGHT);
    }
    // A word this rare may itself be a typo that happens to exist ("judicia" beside "judicial").
    const near = exactDf <= RARE_LIMIT ? vocabulary.nearby(word, TYPO_EXPANSIONS) : [];
    const typoLikely = exactDf < RARE_DF || (near.length > 0 && vocabulary.frequency(near[0]!) >= MUCH_MORE_FREQUENT * exactDf);
    if (typoLikely) {
      for (const id of near) add(id, TYPO_WEIGHT);
      if (isPrefix) for (const id of vocabulary.nearbyPrefix(word, PREFIX_TYPO_EXPANSIONS)) add(id, PREFIX_TYPO_WEIGHT);
    }
    let primaryDf = exactDf;
    if (primaryDf === 0) for (const id of alternatives.keys()) primaryDf = Math.max(primaryDf, vocabulary.frequency(id));
    const entityIds = entitySpans.get(position) ?? [];
    let mentioned = 0;
    for (const e of entityIds) mentioned += index.entityPostings.count(e);
    groups.push({
      label: word,
      alternatives,
      sequence: null,
      impossible: false,
      entityIds,
      idf: idf(primaryDf),
      entityIdf: idf(mentioned),
    });
  });

  for (const phrase of parsed.phrases) {
    const words = foldedWords(phrase).slice(0, 32);
    if (words.length === 0) continue;
    const sequence = words.map((word) => {
      const forms = new Set(vocabulary.family(word, index.languageMask));
      const exact = vocabulary.idOf(word);
      if (exact !== undefined && vocabulary.frequency(exact) > 0) forms.add(exact);
      return [...forms];
    });
    // A run of Chinese or Japanese that is an entity's name or alias ("国家安全部", an alias of the
    // MSS) also finds the passages mentioning that entity, as a name typed in Latin letters does.
    const entityIds = isCjkWord(phrase) ? entitiesNamed(index, words) : [];
    let mentioned = 0;
    for (const e of entityIds) mentioned += index.entityPostings.count(e);
    const impossible = entityIds.length === 0 && sequence.some((forms) => forms.length === 0);
    let idfSum = 0;
    for (const forms of sequence) {
      let df = 0;
      for (const id of forms) df += vocabulary.frequency(id);
      idfSum += idf(df);
    }
    const alternatives = new Map<number, number>();
    for (const forms of sequence) for (const id of forms) alternatives.set(id, 1);
    groups.push({
      label: phrase,
      alternatives,
      sequence,
      impossible,
      entityIds,
      idf: idfSum * PHRASE_BOOST,
      entityIdf: entityIds.length > 0 ? idf(mentioned) : 0,
    });
  }
  return groups;
}

/** The entities (indices) one of whose names or aliases is exactly these folded words. */
function entitiesNamed(index: IndexData, words: string[]): number[] {
  const ids = index.aliasIndex.get(words.join(' '));
  if (!ids) return [];
  return [...ids].map((e) => index.entityIndex.get(e)).filter((e): e is number => e !== undefined);
}

/** Word positions covered by an entity name or alias typed in full, such as "MSS" or "state security ministry". */
function entitySpansOf(index: IndexData, words: string[]): Map<number, number[]> {
  const spans = new Map<number, number[]>();
  for (let start = 0; start < words.length; start++) {
    for (let end = Math.min(words.length, start + 6); end > start; end--) {
      const entities = index.aliasIndex.get(words.slice(start, end).join(' '));
      if (!entities || entities.size === 0) continue;
      const ids = [...entities].map((e) => index.entityIndex.get(e)).filter((e): e is number => e !== undefined);
      for (let i = start; i < end; i++) spans.set(i, [...(spans.get(i) ?? []), ...ids]);
    }
  }
  return spans;
}

/** How many passages a group could match (postings read): the cheapest group supplies the candidates. */
export function groupCost(index: IndexData, group: Group): number {
  if (group.sequence) {
    let cheapest = Infinity;
    for (const forms of group.sequence) {
      let cost = 0;
      for (const id of forms) cost += index.termPostings.count(id);
      cheapest = Math.min(cheapest, cost);
    }
    // Named entities' passages match without the phrase: read as well.
    for (const e of group.entityIds) cheapest += index.entityPostings.count(e);
    return cheapest;
  }
  let cost = 0;
  for (const id of group.alternatives.keys()) cost += index.termPostings.count(id);
  for (const e of group.entityIds) cost += index.entityPostings.count(e);
  return cost;
}

export function aliasKey(alias: string): string {
  return foldedWords(alias).join(' ');
}
