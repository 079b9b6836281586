/**
 * Written word forms already seen while indexing, looked up straight from the text being indexed
 * (a hash of its character codes, then a comparison in place): no string is cut out of the text
 * for a word seen before, which is nearly every word. Open addressing in typed arrays; emptied
 * when half full, so its memory stays bounded however many forms a notebook holds.
 */
export class SurfaceTable {
  private hashes: Int32Array;
  private ids: Int32Array;
  private forms: string[];
  private mask: number;
  private used = 0;

  constructor(capacity = 1 << 20) {
    this.hashes = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.forms = new Array<string>(capacity);
    this.mask = capacity - 1;
  }

  /** FNV-1a over the characters of text[start, end). */
  static hash(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h;
  }

  /** The id filed for text[start, end) under `hash`, or -1. */
  get(text: string, start: number, end: number, hash: number): number {
    const { hashes, ids, forms, mask } = this;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = ids[at]!;
      if (id === -1) return -1;
      if (hashes[at] !== hash) continue;
      const form = forms[at]!;
      if (form.length !== length) continue;
      let k = 0;
      while (k < length && form.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
  }

  set(form: string, hash: number, id: number): void {
    if (this.used * 2 >= this.ids.length) this.clear();
    const { hashes, ids, mask } = this;
    let at = hash & mask;
    while (ids[at] !== -1) at = (at + 1) & mask;
    hashes[at] = hash;
    ids[at] = id;
    this.forms[at] = form;
    this.used++;
  }

  clear(): void {
    this.ids.fill(-1);
    this.forms = new Array<string>(this.ids.length);
    this.used = 0;
  }
}
