import { lightStem, stemIn } from './stemming';
import { Grow32 } from './arrays';
import { isCjkUnit } from '../../../shared/text';

/**
 * Every distinct surface word (folded, never stemmed) the index holds: document frequency, how
 * often it is written in lower case (names rarely are), the languages it appears in, a sorted view
 * for prefix completion, buckets for one-edit typos, and families: each word filed under its stem
 * in each of its languages and under its light stem, so a typed word finds its other forms.
 */
const TYPO_MIN_LENGTH = 4;
const TYPO_MAX_LENGTH = 30;
/** New words wait in a small unsorted list before joining the sorted view. */
const RECENT_LIMIT = 2048;

/**
 * Strings in code-unit order, kept as one joined string and where each ends: loading them makes
 * one string, not one per key (80,000 family keys at 100k passages), and no map; a key is found
 * by binary search.
 */
export class SortedKeys {
  private constructor(
    readonly joined: string,
    readonly ends: Uint32Array,
  ) {}

  /** Keys must not contain a line break (words never do). */
  static of(keys: Iterable<string>): SortedKeys {
    const sorted = [...keys].sort();
    if (sorted.some((key) => key.includes('\n'))) throw new Error('a family key holds a line break');
    const ends = new Uint32Array(sorted.length);
    let at = 0;
    sorted.forEach((key, i) => {
      at += key.length;
      ends[i] = at;
      at += 1;
    });
    return new SortedKeys(sorted.join('\n'), ends);
  }

  static from(joined: string, ends: Uint32Array): SortedKeys {
    if (ends.length > 0 && ends[ends.length - 1] !== joined.length) throw new Error('family keys and their ends differ');
    return new SortedKeys(joined, ends);
  }

  get size(): number {
    return this.ends.length;
  }

  at(i: number): string {
    return this.joined.slice(i === 0 ? 0 : this.ends[i - 1]! + 1, this.ends[i]);
  }

  indexOf(key: string): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const probe = this.at(mid);
      if (probe === key) return mid;
      if (probe < key) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

export interface VocabularyState {
  terms: string[];
  df: Uint32Array;
  occurrences: Uint32Array;
  lower: Uint32Array;
  languages: Uint32Array;
  sorted: Uint32Array;
  familyKeys: SortedKeys;
  familyOffsets: Uint32Array;
  familyMembers: Uint32Array;
}

export class Vocabulary {
  /**
   * Word → id. A loaded index makes it after it has answered (`settle`) or on its first new word;
   * until then a word is found in the sorted view, which holds every word: a map of 40,000 words
   * was 25 ms of a 450 ms reload, where a query's few lookups cost a binary search each (≈ 2 µs).
   */
  private ids: Map<string, number> | null = new Map();
  private words: string[] = [];
  df = new Grow32();
  occurrences = new Grow32();
  lower = new Grow32();
  languages = new Grow32();
  private sorted: Uint32Array = new Uint32Array(0);
  private recent: number[] = [];
  /** Built on the first typo lookup: a reload should not pay for it. */
  private buckets: Map<string, Bucket> | null = null;
  /** Pairs of Chinese or Japanese characters by their second character, for the words up to `pairEndsUpTo`. */
  private readonly pairEnds = new Map<string, number[]>();
  private pairEndsUpTo = 0;
  private families = new Map<string, number[]>();
  /** Families as loaded from the index file (CSR), looked up by key; `families` holds additions since. */
  private loadedKeys = SortedKeys.of([]);
  private loadedOffsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  private loadedMembers: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

  get size(): number {
    return this.words.length;
  }

  /** Every word, by id. */
  get terms(): readonly string[] {
    return this.words;
  }

  idOf(term: string): number | undefined {
    if (this.ids) return this.ids.get(term);
    const { sorted, words } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[sorted[mid]!]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && words[sorted[lo]!] === term ? sorted[lo] : undefined;
  }

  /** Makes the word map ahead of need (the host does it right after a loaded index answers). */
  settle(): void {
    this.idMap();
  }

  private idMap(): Map<string, number> {
    if (!this.ids) {
      this.ids = new Map();
      this.words.forEach((word, id) => this.ids!.set(word, id));
    }
    return this.ids;
  }

  intern(term: string): number {
    const ids = this.idMap();
    const existing = ids.get(term);
    if (existing !== undefined) return existing;
    const id = this.words.length;
    ids.set(term, id);
    this.words.push(term);
    this.df.push(0);
    this.occurrences.push(0);
    this.lower.push(0);
    this.languages.push(0);
    if (this.buckets) this.addToBucket(term, id);
    this.addToFamily(`=${lightStem(term)}`, id);
    this.recent.push(id);
    if (this.recent.length > RECENT_LIMIT) this.mergeRecent();
    return id;
  }

  /** Files a word under its stem in a language the first time it is seen there. */
  noteLanguage(id: number, language: number): void {
    const bit = 1 << language;
    const mask = this.languages.data[id]!;
    if (mask & bit) return;
    this.languages.data[id] = mask | bit;
    this.addToFamily(`${language}:${stemIn(language, this.words[id]!)}`, id);
  }

  frequency(id: number): number {
    return this.df.data[id] ?? 0;
  }

  /** Written capitalised nine times in ten or more: a name, which a stemmer must not cut down. */
  isName(id: number): boolean {
    const occurrences = this.occurrences.data[id]!;
    return occurrences > 0 && this.lower.data[id]! * 10 < occurrences;
  }

  /**
   * The indexed words that are forms of a typed (folded) word: those sharing its stem in a
   * language of the notebook, except names (which only meet their own plural), plus the words
   * sharing its light stem (a plural "s").
   */
  family(word: string, languageMask: number): number[] {
    const light = lightStem(word);
    const found = new Set<number>();
    for (let language = 0; languageMask >> language !== 0; language++) {
      if (!(languageMask & (1 << language))) continue;
      this.eachMember(`${language}:${stemIn(language, word)}`, (id) => {
        if (this.frequency(id) > 0 && (!this.isName(id) || lightStem(this.words[id]!) === light)) found.add(id);
      });
    }
    this.eachMember(`=${light}`, (id) => {
      if (this.frequency(id) > 0) found.add(id);
    });
    return [...found];
  }

  private eachMember(key: string, visit: (id: number) => void): void {
    const at = this.loadedKeys.indexOf(key);
    if (at >= 0) for (let i = this.loadedOffsets[at]!; i < this.loadedOffsets[at + 1]!; i++) visit(this.loadedMembers[i]!);
    for (const id of this.families.get(key) ?? []) visit(id);
  }

  /** Up to `limit` indexed words starting with `prefix`, the most frequent first. */
  withPrefix(prefix: string, limit: number): number[] {
    const found: number[] = [];
    if (limit <= 0) return found;
    const { sorted, words: terms } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    // The `limit` most frequent, kept in order as they come (ties: first seen first, as a stable sort would).
    const df = this.df.data;
    const keep = (id: number) => {
      const f = df[id]!;
      if (found.length === limit && f <= df[found[limit - 1]!]!) return;
      let at = found.length === limit ? limit - 1 : found.length;
      while (at > 0 && df[found[at - 1]!]! < f) {
        found[at] = found[at - 1]!;
        at--;
      }
      found[at] = id;
    };
    let seen = 0;
    for (let i = lo; i < sorted.length && terms[sorted[i]!]!.startsWith(prefix); i++) {
      const id = sorted[i]!;
      if (df[id]! > 0) {
        keep(id);
        seen++;
      }
      if (seen > limit * 20) break; // very short prefixes: a sample of the range is enough
    }
    for (const id of this.recent) if (terms[id]!.startsWith(prefix) && df[id]! > 0) keep(id);
    return found;
  }

  /**
   * Words one edit (a missing, extra, wrong or swapped letter) away from `term` that occur
   * somewhere. Candidates come from buckets keyed by first letter and length: a typo rarely hits
   * the first letter, and when the first letter was dropped or swapped the second one leads.
   */
  nearby(term: string, limit: number): number[] {
    if (term.length < TYPO_MIN_LENGTH || term.length > TYPO_MAX_LENGTH) return [];
    const found: number[] = [];
    if (!this.buckets) {
      this.buckets = new Map();
      this.words.forEach((t, id) => this.addToBucket(t, id));
    }
    const firsts = term[0] === term[1] ? [term[0]!] : [term[0]!, term[1]!];
    const mask = letterMask(term);
    for (const first of firsts) {
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        const bucket = this.buckets.get(bucketKey(first, length));
        if (!bucket) continue;
        const { ids, masks } = bucket;
        for (let k = 0; k < ids.length; k++) {
          // One edit changes at most two letters of the set (one gone, one new): most of the
          // bucket fails this integer test and is never compared letter by letter.
          if (bitCount(masks[k]! ^ mask) > 2) continue;
          const id = ids[k]!;
          if (this.frequency(id) === 0) continue;
          const candidate = this.words[id]!;
          if (candidate !== term && withinOneEdit(term, candidate)) found.push(id);
        }
      }
    }
    found.sort((a, b) => this.frequency(b) - this.frequency(a));
    return found.length > limit ? found.slice(0, limit) : found;
  }

  /**
   * Up to `limit` indexed pairs of Chinese or Japanese characters ending with `character`, the most
   * frequent first: with the pairs starting with it, every run holding a character typed alone
   * (间 is in 间谍 and in 中间). Filed on first use, and for new words as they come.
   */
  pairsEndingWith(character: string, limit: number): number[] {
    const { words } = this;
    for (; this.pairEndsUpTo < words.length; this.pairEndsUpTo++) {
      const word = words[this.pairEndsUpTo]!;
      if (word.length !== 2 || !isCjkUnit(word.charCodeAt(0)) || !isCjkUnit(word.charCodeAt(1))) continue;
      const list = this.pairEnds.get(word[1]!);
      if (list) list.push(this.pairEndsUpTo);
      else this.pairEnds.set(word[1]!, [this.pairEndsUpTo]);
    }
    const df = this.df.data;
    return (this.pairEnds.get(character) ?? [])
      .filter((id) => df[id]! > 0)
      .sort((a, b) => df[b]! - df[a]! || a - b)
      .slice(0, limit);
  }

  /**
   * Words that start with a one-edit variant of a prefix being typed ("ciar" → cigar, cigarette):
   * the prefix's deletions, swaps, substitutions and insertions, each a range of the sorted view.
   */
  nearbyPrefix(prefix: string, limit: number): number[] {
    if (prefix.length < TYPO_MIN_LENGTH || prefix.length > TYPO_MAX_LENGTH) return [];
    const variants = new Set<string>();
    const letters = alphabetOf(prefix);
    for (let i = 1; i < prefix.length; i++) {
      variants.add(prefix.slice(0, i) + prefix.slice(i + 1));
      if (i < prefix.length - 1) variants.add(prefix.slice(0, i) + prefix[i + 1] + prefix[i] + prefix.slice(i + 2));
      for (const c of letters) {
        variants.add(prefix.slice(0, i) + c + prefix.slice(i + 1));
        variants.add(prefix.slice(0, i) + c + prefix.slice(i));
      }
    }
    variants.delete(prefix);
    const found = new Set<number>();
    for (const variant of variants) for (const id of this.withPrefix(variant, 6)) found.add(id);
    return [...found].sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, limit);
  }

  /** Folds new words into the sorted view ahead of queries. */
  prepare(): void {
    if (this.recent.length > 0) this.mergeRecent();
  }

  private mergeRecent(): void {
    const { words: terms } = this;
    const recent = this.recent.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    const merged = new Uint32Array(this.sorted.length + recent.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < recent.length) {
      merged[k++] = terms[this.sorted[i]!]! <= terms[recent[j]!]! ? this.sorted[i++]! : recent[j++]!;
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
    while (j < recent.length) merged[k++] = recent[j++]!;
    this.sorted = merged;
    this.recent = [];
  }

  private addToBucket(term: string, id: number): void {
    const key = bucketKey(term[0] ?? '', term.length);
    const bucket = this.buckets!.get(key);
    if (bucket) {
      bucket.ids.push(id);
      bucket.masks.push(letterMask(term));
    } else this.buckets!.set(key, { ids: [id], masks: [letterMask(term)] });
  }

  private addToFamily(key: string, id: number): void {
    const list = this.families.get(key);
    if (list) list.push(id);
    else this.families.set(key, [id]);
  }

  exportState(): VocabularyState {
    this.prepare();
    // Writing is rare: a map of the loaded keys here spares a binary search per key.
    const loadedAt = new Map<string, number>();
    for (let i = 0; i < this.loadedKeys.size; i++) loadedAt.set(this.loadedKeys.at(i), i);
    const familyKeys = SortedKeys.of(new Set([...loadedAt.keys(), ...this.families.keys()]));
    const familyOffsets = new Uint32Array(familyKeys.size + 1);
    const members: number[] = [];
    for (let i = 0; i < familyKeys.size; i++) {
      familyOffsets[i] = members.length;
      const key = familyKeys.at(i);
      const at = loadedAt.get(key);
      if (at !== undefined)
        for (let m = this.loadedOffsets[at]!; m < this.loadedOffsets[at + 1]!; m++) members.push(this.loadedMembers[m]!);
      for (const id of this.families.get(key) ?? []) members.push(id);
    }
    familyOffsets[familyKeys.size] = members.length;
    return {
      terms: this.words,
      df: this.df.view(),
      occurrences: this.occurrences.view(),
      lower: this.lower.view(),
      languages: this.languages.view(),
      sorted: this.sorted,
      familyKeys,
      familyOffsets,
      familyMembers: Uint32Array.from(members),
    };
  }

  static fromState(state: VocabularyState): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.words = state.terms;

    vocabulary.df = Grow32.adopt(state.df);
    vocabulary.occurrences = Grow32.adopt(state.occurrences);
    vocabulary.lower = Grow32.adopt(state.lower);
    vocabulary.languages = Grow32.adopt(state.languages);
    vocabulary.sorted = state.sorted;
    // Lookups go to the sorted view until a word is added, when it holds every word (it always
    // does as written; a file where it does not gets its map now).
    vocabulary.ids = null;
    if (state.sorted.length !== state.terms.length) vocabulary.idMap();
    vocabulary.loadedKeys = state.familyKeys;
    vocabulary.loadedOffsets = state.familyOffsets;
    vocabulary.loadedMembers = state.familyMembers;
    return vocabulary;
  }
}

/** Words of one first letter and length, with each word's set of letters (see letterMask). */
interface Bucket {
  ids: number[];
  masks: number[];
}

/**
 * The set of a word's letters as 32 bits (a letter's code modulo 32 picks its bit). Two words one
 * edit apart differ in at most two bits whatever letters share a bit: a deletion can clear one,
 * an insertion set one, a substitution both, a swap neither.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/** Letters a substitution or insertion may bring in: a–z, digits, and the prefix's own letters. */
function alphabetOf(prefix: string): string[] {
  const letters = new Set('abcdefghijklmnopqrstuvwxyz0123456789');
  for (const c of prefix) letters.add(c);
  return [...letters];
}

/** Damerau–Levenshtein distance ≤ 1 (adjacent swaps count as one edit); compares in place, no copies. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** Whether a from `i` and b from `j` hold the same characters to their ends. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return a.length - i <= 0 && b.length - j <= 0;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
