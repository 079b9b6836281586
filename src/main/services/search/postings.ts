/**
 * Impact-ordered postings for passages: for each key (a word id, or an entity index) the
 * passages holding it, best first. The impact byte is the BM25 term-frequency part
 * tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)), quantised upwards, so a list's remaining postings
 * never score more than the one at hand: a query can stop reading a list early (the threshold
 * algorithm in candidates.ts). A compacted part (CSR: offsets, docs, impacts) is rebuilt from the
 * forward index; what was added since waits in a small unordered delta, always read whole.
 *
 * A word's compacted posting also keeps where in the passage the word first and last occurs
 * (`spans`, two bytes: 255 stands for 255 or later). Two words whose spans lie far apart cannot
 * stand side by side, so a query can bound the proximity bonus of a passage without reading it.
 */
export const K1 = 1.2;
export const B = 0.75;
/** Largest impact: the tf part's limit, times the heading boost folded into headings' impacts. */
export const MAX_TF_PART = (K1 + 1) * 1.1;

export function tfPart(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
}

export function quantise(part: number): number {
  return Math.min(255, Math.max(1, Math.ceil((part / MAX_TF_PART) * 255)));
}

export function dequantise(impact: number): number {
  return (impact / 255) * MAX_TF_PART;
}

export interface PostingsState {
  offsets: Uint32Array;
  docs: Uint32Array;
  impacts: Uint8Array;
  /** Per posting, (first position << 8) | last position; empty for lists without positions (entities, pairs). */
  spans: Uint16Array;
  averageLength: number;
}

/** Largest position a span records: a later one is recorded as this. */
export const SPAN_LAST = 255;
/** A span covering every position (first 0, last 255 or later): what a posting without one (the delta) may hold. */
export const SPAN_ANY = SPAN_LAST;

export function spanOf(first: number, last: number): number {
  return (Math.min(first, SPAN_LAST) << 8) | Math.min(last, SPAN_LAST);
}

export class Postings {
  offsets: Uint32Array = new Uint32Array(1);
  docs: Uint32Array = new Uint32Array(0);
  impacts: Uint8Array = new Uint8Array(0);
  spans: Uint16Array = new Uint16Array(0);
  /** The average passage length the impacts were computed with. */
  averageLength = 1;
  readonly delta = new Map<number, number[]>();
  deltaSize = 0;

  get keyCount(): number {
    return this.offsets.length - 1;
  }

  add(key: number, doc: number): void {
    const list = this.delta.get(key);
    if (list) list.push(doc);
    else this.delta.set(key, [doc]);
    this.deltaSize++;
  }

  /** Compacted postings of a key: [start, end) into docs/impacts. */
  start(key: number): number {
    return key < this.keyCount ? this.offsets[key]! : 0;
  }
  end(key: number): number {
    return key < this.keyCount ? this.offsets[key + 1]! : 0;
  }

  /** Postings (compacted and delta) of a key, live or not: a cost estimate. */
  count(key: number): number {
    return this.end(key) - this.start(key) + (this.delta.get(key)?.length ?? 0);
  }

  /**
   * Rebuilds the compacted part from each document's (key, tf) pairs. `each` calls back once
   * per live document with its length; `pairsOf` lists its distinct keys with frequencies, and
   * with their spans (`spanOf`) when `withSpans` (word lists keep positions).
   */
  static build(
    keyCount: number,
    docs: Iterable<number>,
    pairsOf: (doc: number, out: PairsOut) => number,
    averageLength: number,
    boostOf: (doc: number) => number = () => 1,
    withSpans = false,
  ): Postings {
    const postings = new Postings();
    const counts = new Uint32Array(keyCount + 1);
    const scratch: PairsOut = { keys: [], tfs: [], spans: [] };
    const docList: number[] = [];
    for (const doc of docs) {
      docList.push(doc);
      scratch.spans.length = 0;
      pairsOf(doc, scratch);
      for (const key of scratch.keys) counts[key]!++;
    }
    const offsets = new Uint32Array(keyCount + 1);
    let total = 0;
    for (let key = 0; key < keyCount; key++) {
      offsets[key] = total;
      total += counts[key]!;
    }
    offsets[keyCount] = total;
    const out = new Uint32Array(total);
    const impacts = new Uint8Array(total);
    const spans = withSpans ? new Uint16Array(total) : null;
    const fill = offsets.slice(0, keyCount);
    for (const doc of docList) {
      scratch.spans.length = 0;
      const length = pairsOf(doc, scratch);
      if (spans && scratch.spans.length !== scratch.keys.length) throw new Error(`document ${doc} gave no span for some of its keys`);
      for (let i = 0; i < scratch.keys.length; i++) {
        const at = fill[scratch.keys[i]!]!++;
        out[at] = doc;
        impacts[at] = quantise(tfPart(scratch.tfs[i]!, length, averageLength) * boostOf(doc));
        if (spans) spans[at] = scratch.spans[i]!;
      }
    }
    sortByImpact(offsets, out, impacts, spans);
    postings.offsets = offsets;
    postings.docs = out;
    postings.impacts = impacts;
    postings.spans = spans ?? new Uint16Array(0);
    postings.averageLength = averageLength;
    return postings;
  }

  exportState(): PostingsState {
    return { offsets: this.offsets, docs: this.docs, impacts: this.impacts, spans: this.spans, averageLength: this.averageLength };
  }

  /** The delta as (key, document) pairs, for the index file: a write need not compact. */
  exportDelta(): { keys: Uint32Array; docs: Uint32Array } {
    const keys = new Uint32Array(this.deltaSize);
    const docs = new Uint32Array(this.deltaSize);
    let at = 0;
    for (const [key, list] of this.delta) {
      for (const doc of list) {
        keys[at] = key;
        docs[at++] = doc;
      }
    }
    return { keys: keys.subarray(0, at), docs: docs.subarray(0, at) };
  }

  importDelta(keys: Uint32Array, docs: Uint32Array): void {
    for (let i = 0; i < keys.length; i++) this.add(keys[i]!, docs[i]!);
  }

  static fromState(state: PostingsState): Postings {
    const postings = new Postings();
    postings.offsets = state.offsets;
    postings.docs = state.docs;
    postings.impacts = state.impacts;
    if (state.spans.length !== 0 && state.spans.length !== state.docs.length) throw new Error('spans and docs differ in length');
    postings.spans = state.spans;
    postings.averageLength = state.averageLength;
    return postings;
  }
}

export interface PairsOut {
  keys: number[];
  tfs: number[];
  /** Left empty by lists without positions. */
  spans: number[];
}

/** Each list best impact first (ties by document): counting sort for long lists, insertion sort for short. */
function sortByImpact(offsets: Uint32Array, docs: Uint32Array, impacts: Uint8Array, spans: Uint16Array | null): void {
  let longest = 0;
  for (let key = 0; key + 1 < offsets.length; key++) longest = Math.max(longest, offsets[key + 1]! - offsets[key]!);
  const tempDocs = new Uint32Array(longest);
  const tempImpacts = new Uint8Array(longest);
  const tempSpans = new Uint16Array(spans ? longest : 0);
  const buckets = new Uint32Array(257);
  for (let key = 0; key + 1 < offsets.length; key++) {
    const start = offsets[key]!;
    const end = offsets[key + 1]!;
    const n = end - start;
    if (n < 2) continue;
    if (n < 48) {
      for (let i = start + 1; i < end; i++) {
        const d = docs[i]!;
        const m = impacts[i]!;
        const sp = spans ? spans[i]! : 0;
        let j = i - 1;
        while (j >= start && impacts[j]! < m) {
          docs[j + 1] = docs[j]!;
          impacts[j + 1] = impacts[j]!;
          if (spans) spans[j + 1] = spans[j]!;
          j--;
        }
        docs[j + 1] = d;
        impacts[j + 1] = m;
        if (spans) spans[j + 1] = sp;
      }
      continue;
    }
    buckets.fill(0);
    // Descending: bucket 0 holds impact 255. Documents arrive in id order and stay so within a bucket.
    for (let i = start; i < end; i++) buckets[256 - impacts[i]!]!++;
    let sum = 0;
    for (let b = 0; b < 257; b++) {
      const c = buckets[b]!;
      buckets[b] = sum;
      sum += c;
    }
    for (let i = start; i < end; i++) {
      const at = buckets[256 - impacts[i]!]!++;
      tempDocs[at] = docs[i]!;
      tempImpacts[at] = impacts[i]!;
      if (spans) tempSpans[at] = spans[i]!;
    }
    docs.set(tempDocs.subarray(0, n), start);
    impacts.set(tempImpacts.subarray(0, n), start);
    if (spans) spans.set(tempSpans.subarray(0, n), start);
  }
}
