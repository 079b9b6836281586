import { Postings } from './postings';

/** How many of the most frequent words form pairs: pairs of rarer words are cheap to check in place. */
export const PAIR_WORDS = 512;
/** A word this common, at least, before its pairs are worth keeping (small notebooks keep none). */
const MIN_PAIR_DF = 64;

/**
 * Postings of adjacent pairs of common words ("of the", "in the"): a phrase made of common words
 * matches thousands of passages, and checking each one's words in place is what made such phrases
 * slow. With the pair's own impact-ordered list (its frequency per passage, BM25 saturated like
 * a word's), a two-word phrase of common words is read best-first and stops early like one word,
 * and its list length is its exact count. Only pairs where both words are among the most
 * frequent are kept (a combined index of the kind Williams, Zobel and Bahle describe): a phrase
 * with a rarer word starts from that word's short list instead.
 */
export class PairIndex {
  /** Word id → its rank among the pair words, or -1. */
  slotOf: Int32Array = new Int32Array(0);
  words = 0;
  postings = new Postings();

  /** The pair's key, or -1 when one of the words is not a pair word. */
  key(a: number, b: number): number {
    const slot = this.slotOf;
    if (a >= slot.length || b >= slot.length) return -1;
    const x = slot[a]!;
    const y = slot[b]!;
    return x < 0 || y < 0 ? -1 : x * this.words + y;
  }

  /** A passage added since the last compaction: its pairs go to the delta. */
  add(doc: number, tokens: Uint32Array, count: number): void {
    if (this.words === 0) return;
    const seen = new Set<number>();
    for (let i = 0; i + 1 < count; i++) {
      const key = this.key(tokens[i]!, tokens[i + 1]!);
      if (key >= 0 && !seen.has(key)) {
        seen.add(key);
        this.postings.add(key, doc);
      }
    }
  }

  /**
   * Chooses the pair words (the most frequent, by document frequency) and builds their pairs'
   * postings from the forward index. `tokensOf` gives a document's tokens as (array, start, end).
   */
  static build(
    df: Uint32Array,
    docs: () => Iterable<number>,
    tokensOf: (doc: number) => [Uint32Array, number, number],
    averageLength: number,
    boostOf: (doc: number) => number,
  ): PairIndex {
    const index = new PairIndex();
    const slotOf = new Int32Array(df.length).fill(-1);
    const sorted = Uint32Array.from(df).sort().reverse();
    const cutoff = Math.max(MIN_PAIR_DF, sorted[Math.min(PAIR_WORDS, sorted.length) - 1] ?? Infinity);
    let words = 0;
    for (let id = 0; id < df.length && words < PAIR_WORDS; id++) if (df[id]! >= cutoff) slotOf[id] = words++;
    index.slotOf = slotOf;
    index.words = words;
    if (words === 0) return index;
    const keyCount = words * words;
    const stamp = new Uint32Array(keyCount);
    const tf = new Uint32Array(keyCount);
    let value = 0;
    index.postings = Postings.build(
      keyCount,
      docs(),
      (doc, out) => {
        out.keys.length = 0;
        out.tfs.length = 0;
        const [chunk, start, end] = tokensOf(doc);
        value++;
        let previous = end > start ? slotOf[chunk[start]!]! : -1;
        for (let i = start + 1; i < end; i++) {
          const next = slotOf[chunk[i]!]!;
          if (previous >= 0 && next >= 0) {
            const key = previous * words + next;
            if (stamp[key] !== value) {
              stamp[key] = value;
              tf[key] = 0;
              out.keys.push(key);
            }
            tf[key]!++;
          }
          previous = next;
        }
        for (const key of out.keys) out.tfs.push(tf[key]!);
        return end - start;
      },
      averageLength,
      boostOf,
    );
    return index;
  }
}
