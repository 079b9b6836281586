/**
 * Per-query sets of document numbers without allocating: a reusable array of stamps, where a
 * document is in the set when its stamp is the current one. Clearing is one increment.
 */
export class Marks {
  private stamps = new Uint32Array(1024);
  private value = 0;

  /** Starts a new, empty set sized for `docCount` documents. */
  reset(docCount: number): void {
    if (this.stamps.length < docCount) this.stamps = new Uint32Array(Math.ceil(docCount * 1.5));
    if (++this.value === 0xffffffff) {
      this.stamps.fill(0);
      this.value = 1;
    }
  }

  add(doc: number): boolean {
    if (this.stamps[doc] === this.value) return false;
    this.stamps[doc] = this.value;
    return true;
  }

  has(doc: number): boolean {
    return this.stamps[doc] === this.value;
  }
}
