import type { Marks } from './marks';
import { dequantise, MAX_TF_PART, SPAN_ANY, type Postings } from './postings';
import { NO_SPAN, widened } from './spans';
import type { IndexData } from './types';

/**
 * Reading a postings list narrows the candidates when it costs less than checking each candidate
 * in place: this many postings read per word a candidate holds. Measured on `npm run
 * bench:search`'s corpus, interleaved in one process: 0.25 (the value before) left phrases and
 * word pairs checking hundreds of candidates one by one; 1 and 2 were best, 4 worse.
 */
export const POSTINGS_PER_WORD_CHECKED = 1;

/** A postings list of a query, with the factor turning its impacts into score bounds. */
export interface List {
  key: number;
  postings: Postings;
  factor: number;
}

/**
 * Marks in `narrow` the passages of `within` that the lists hold, and returns each one's best
 * score bound among them (read at those passages only). Given `spans`, each passage marked gets
 * there the span (`spanOf`) its words' lists give it: their earliest first and latest last
 * position, `NO_SPAN` when only an entity list holds it, and every position from a posting that
 * keeps none (the delta).
 */
export function bestOf(
  index: IndexData,
  lists: List[],
  within: Marks,
  narrow: Marks,
  best: Float64Array,
  /** Given, each passage marked is added to it, once. */
  met: number[] | null = null,
  spans: Uint16Array | null = null,
): Float64Array {
  narrow.reset(index.docCount);
  for (const { key, postings, factor } of lists) {
    const { docs, impacts } = postings;
    const positions = spans !== null && postings === index.termPostings;
    const kept = positions && postings.spans.length === docs.length ? postings.spans : null;
    for (let i = postings.start(key), end = postings.end(key); i < end; i++) {
      const doc = docs[i]!;
      if (!within.has(doc)) continue;
      const value = dequantise(impacts[i]!) * factor;
      if (narrow.add(doc)) {
        best[doc] = value;
        met?.push(doc);
        if (spans) spans[doc] = NO_SPAN;
      } else if (value > best[doc]!) best[doc] = value;
      if (positions) spans[doc] = widened(spans[doc]!, kept ? kept[i]! : SPAN_ANY);
    }
    for (const doc of postings.delta.get(key) ?? []) {
      if (!within.has(doc)) continue;
      const value = MAX_TF_PART * factor;
      if (narrow.add(doc)) {
        best[doc] = value;
        met?.push(doc);
        if (spans) spans[doc] = NO_SPAN;
      } else if (value > best[doc]!) best[doc] = value;
      if (positions) spans[doc] = SPAN_ANY;
    }
  }
  return best;
}

/**
 * The driver's passages that every other part of a phrase (a word's forms, a pair of common
 * words) also holds, as marks. A part is read only when its postings cost less than looking
 * into each remaining candidate (POSTINGS_PER_WORD_CHECKED); the rest are left to the phrase check.
 */
export function holdingEvery(
  index: IndexData,
  holding: Marks,
  holdingNext: Marks,
  driver: { postings: Postings; keys: number[] },
  parts: { postings: Postings; keys: number[] }[],
  driverCost: number,
): Marks {
  const docCount = index.docCount;
  let holds = holding;
  let next = holdingNext;
  holds.reset(docCount);
  let count = 0;
  for (const key of driver.keys) {
    const { postings } = driver;
    const docs = postings.docs;
    for (let i = postings.start(key), end = postings.end(key); i < end; i++) if (holds.add(docs[i]!)) count++;
    for (const doc of postings.delta.get(key) ?? []) if (holds.add(doc)) count++;
  }
  const averageLength = Math.max(1, index.lengthByKind[0]! / Math.max(1, index.liveByKind[0]!));
  const costs = parts.map((part) => part.keys.reduce((sum, key) => sum + part.postings.count(key), 0));
  const order = parts.map((_, i) => i).sort((a, b) => costs[a]! - costs[b]!);
  let skippedDriver = false;
  for (const i of order) {
    const part = parts[i]!;
    if (!skippedDriver && part.postings === driver.postings && part.keys === driver.keys && costs[i] === driverCost) {
      skippedDriver = true;
      continue;
    }
    if (costs[i]! > count * averageLength * POSTINGS_PER_WORD_CHECKED) break;
    next.reset(docCount);
    count = 0;
    for (const key of part.keys) {
      const { postings } = part;
      const docs = postings.docs;
      for (let k = postings.start(key), end = postings.end(key); k < end; k++) {
        const doc = docs[k]!;
        if (holds.has(doc) && next.add(doc)) count++;
      }
      for (const doc of postings.delta.get(key) ?? []) if (holds.has(doc) && next.add(doc)) count++;
    }
    [holds, next] = [next, holds];
  }
  return holds;
}
