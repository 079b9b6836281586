/**
 * Every distinct term the index holds, with its document frequency, a sorted view for prefix
 * completion and buckets for typo tolerance (one missing, extra, wrong or swapped letter).
 */
const TYPO_MIN_LENGTH = 4;
const TYPO_MAX_LENGTH = 24;

export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  df: Uint32Array = new Uint32Array(1024);
  private sorted: string[] | null = null;
  private buckets = new Map<string, number[]>();

  static from(terms: string[], df: Uint32Array): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of terms) {
      vocabulary.ids.set(term, vocabulary.terms.length);
      vocabulary.addToBucket(term, vocabulary.terms.length);
      vocabulary.terms.push(term);
    }
    vocabulary.df = new Uint32Array(Math.max(1024, terms.length * 2));
    vocabulary.df.set(df.subarray(0, terms.length));
    return vocabulary;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  intern(term: string): number {
    const existing = this.ids.get(term);
    if (existing !== undefined) return existing;
    const id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    if (id >= this.df.length) {
      const grown = new Uint32Array(this.df.length * 2);
      grown.set(this.df);
      this.df = grown;
    }
    this.sorted = null;
    this.addToBucket(term, id);
    return id;
  }

  frequency(id: number): number {
    return this.df[id] ?? 0;
  }

  /** Sorts the prefix view ahead of the first query. */
  prepare(): void {
    this.sorted ??= [...this.terms].sort();
  }

  /** Up to `limit` indexed terms starting with `prefix`, the most frequent first. */
  withPrefix(prefix: string, limit: number): number[] {
    const sorted = (this.sorted ??= [...this.terms].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const id = this.ids.get(sorted[i]!)!;
      if (this.frequency(id) > 0) found.push(id);
      if (found.length > limit * 20) break; // very short prefixes: a sample of the range is enough
    }
    found.sort((a, b) => this.frequency(b) - this.frequency(a));
    return found.slice(0, limit);
  }

  /**
   * Terms one edit away from `term` that occur somewhere. Candidates come from buckets keyed by
   * first letter and length: a typo rarely hits the first letter, and when the first letter was
   * dropped or swapped the second one leads, so two first letters and three lengths cover it.
   */
  nearby(term: string, limit = Infinity): number[] {
    if (term.length < TYPO_MIN_LENGTH || term.length > TYPO_MAX_LENGTH) return [];
    const found: number[] = [];
    // Buckets differ in first letter or length, so no term is met twice.
    const firsts = term[0] === term[1] ? [term[0]!] : [term[0]!, term[1]!];
    for (const first of firsts) {
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        for (const id of this.buckets.get(bucketKey(first, length)) ?? []) {
          if (this.frequency(id) === 0) continue;
          const candidate = this.terms[id]!;
          if (candidate !== term && withinOneEdit(term, candidate)) found.push(id);
        }
      }
    }
    found.sort((a, b) => this.frequency(b) - this.frequency(a));
    return found.length > limit ? found.slice(0, limit) : found;
  }

  private addToBucket(term: string, id: number): void {
    const key = bucketKey(term[0] ?? '', term.length);
    const list = this.buckets.get(key);
    if (list) list.push(id);
    else this.buckets.set(key, [id]);
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
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
