/**
 * Where a query's words stand in a candidate passage, from the spans its words' postings keep
 * (postings.ts): enough to bound the proximity bonus without reading the passage.
 */
import { SPAN_LAST } from './postings';
import { proximityOf } from './rank';
import type { Group } from './types';

/** No word of the group in the passage (it was met through an entity it mentions): first 255, last 0. */
export const NO_SPAN = SPAN_LAST << 8;

/** The smallest span holding both (NO_SPAN holds nothing). */
export function widened(a: number, b: number): number {
  const first = Math.min(a >>> 8, b >>> 8);
  const last = Math.max(a & SPAN_LAST, b & SPAN_LAST);
  return (first << 8) | last;
}

/**
 * At least how far apart (in positions) a word of one span and a word of the other stand: 0
 * when the spans overlap. A position recorded as 255 may be later, which only makes a span's
 * true gap larger: the bound holds.
 */
export function spanGap(a: number, b: number): number {
  return Math.max(0, (b >>> 8) - (a & SPAN_LAST), (a >>> 8) - (b & SPAN_LAST));
}

/**
 * The largest proximity share (`proximityOf`) a passage can earn, from its groups' spans: the
 * groups with a word in it, in a window no narrower than the nearest two of them allow.
 */
export function proximityBound(spans: readonly Uint16Array[], doc: number): number {
  let present = 0;
  let nearest = Infinity;
  for (let g = 0; g < spans.length; g++) {
    const span = spans[g]![doc]!;
    if (span === NO_SPAN) continue;
    present++;
    for (let h = 0; h < g; h++) {
      const other = spans[h]![doc]!;
      if (other !== NO_SPAN) nearest = Math.min(nearest, spanGap(span, other));
    }
  }
  return present < 2 ? 0 : proximityOf(present, nearest + 1, spans.length);
}

/** Whether two of the groups have a word (or form, completion, near spelling) in common. */
export function shareAWord(groups: Group[]): boolean {
  const seen = new Set<number>();
  for (const group of groups) {
    for (const id of group.alternatives.keys()) if (seen.has(id)) return true;
    for (const id of group.alternatives.keys()) seen.add(id);
  }
  return false;
}

/** One span per passage for each word group of a query, kept between queries (see `bestOf`). */
export class SpanArrays {
  private arrays: Uint16Array[] = [];

  forGroups(count: number, docCount: number): Uint16Array[] {
    if (this.arrays.length > 0 && this.arrays[0]!.length < docCount) this.arrays = [];
    while (this.arrays.length < count) this.arrays.push(new Uint16Array(Math.ceil(docCount * 1.5)));
    return this.arrays.slice(0, count);
  }
}
