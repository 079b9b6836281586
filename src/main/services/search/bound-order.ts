/**
 * Candidates taken best bound first, one at a time: a binary max-heap built in linear time. A
 * query that stops after a few dozen of several thousand candidates (two common words) then never
 * sorts them all; sorting with a comparator was most of such a query's time.
 *
 * A candidate may enter with a rough bound and be refined only if it reaches the top
 * (`nextIsRough`, `refine`): working out the finer bound of every candidate cost more than the
 * scoring it saved.
 */
export class BoundOrder {
  /**
   * A document, or `~document` (negative) while its bound is rough. Empty at first, so the first
   * query takes the path that grows them: a path no query had taken stopped V8's optimised code
   * (and the code it was inlined into) the first time a query had more candidates than before.
   */
  private docs = new Int32Array(0);
  private keys = new Float64Array(0);
  private count = 0;

  /** Takes the candidates with their bounds (`bound[doc]`), replacing any left from before. */
  fill(candidates: readonly number[], bound: Float64Array, rough: boolean): void {
    const n = candidates.length;
    if (this.docs.length < n) {
      this.docs = new Int32Array(Math.ceil(n * 1.5));
      this.keys = new Float64Array(Math.ceil(n * 1.5));
    }
    for (let i = 0; i < n; i++) {
      const doc = candidates[i]!;
      this.docs[i] = rough ? ~doc : doc;
      this.keys[i] = bound[doc]!;
    }
    this.count = n;
    for (let i = (n >>> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.count;
  }

  /** The largest bound left (the next candidate's); -Infinity when none is left. */
  get nextBound(): number {
    return this.count > 0 ? this.keys[0]! : -Infinity;
  }

  /** Whether the next candidate's bound is rough (it should be refined before it is scored). */
  get nextIsRough(): boolean {
    return this.docs[0]! < 0;
  }

  /** The next candidate, whether rough or not. */
  get next(): number {
    const doc = this.docs[0]!;
    return doc < 0 ? ~doc : doc;
  }

  /** Gives the next candidate its finer bound (never above its rough one) and puts it back in order. */
  refine(bound: number): void {
    this.docs[0] = ~this.docs[0]!;
    this.keys[0] = bound;
    this.siftDown(0);
  }

  /** The candidate with the largest bound left, taken out. */
  take(): number {
    const doc = this.next;
    const last = --this.count;
    this.docs[0] = this.docs[last]!;
    this.keys[0] = this.keys[last]!;
    this.siftDown(0);
    return doc;
  }

  private siftDown(from: number): void {
    const { docs, keys, count } = this;
    const doc = docs[from]!;
    const key = keys[from]!;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && keys[child + 1]! > keys[child]!) child++;
      if (keys[child]! <= key) break;
      docs[at] = docs[child]!;
      keys[at] = keys[child]!;
      at = child;
    }
    docs[at] = doc;
    keys[at] = key;
  }
}
