/**
 * Growable typed arrays. A million passages' columns and tokens live in typed arrays, not in JS
 * objects and arrays: a tenth of the memory, nothing for the garbage collector to walk, and they
 * are written to the index file and read back as they are.
 */
export class Grow32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  /**
   * Takes `values` as its data, not a copy: a loaded index's columns are used where they were
   * read (a copy was 14 ms of a 450 ms reload at 100k passages, most of it fresh pages). The
   * first push past the end moves them to a bigger array.
   */
  static adopt(values: Uint32Array): Grow32 {
    const g = new Grow32(0);
    g.data = values;
    g.length = values.length;
    return g;
  }
  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
  grow(needed: number): void {
    if (needed <= this.data.length) return;
    const next = new Uint32Array(Math.max(needed, 1024, Math.ceil(this.data.length * 1.5)));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export class Grow8 {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }
  /** Takes `values` as its data, not a copy (see Grow32.adopt). */
  static adopt(values: Uint8Array): Grow8 {
    const g = new Grow8(0);
    g.data = values;
    g.length = values.length;
    return g;
  }
  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Uint8Array(Math.max(1024, Math.ceil(this.data.length * 1.5)));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/** Tokens per chunk: a document's tokens never span two chunks, so no chunk is ever copied to grow. */
const CHUNK = 1 << 21;

/**
 * Each document's word ids in text order (the forward index), kept in fixed chunks so building a
 * million passages never copies the whole thing to grow it. A document is (chunk, start, length).
 */
export class TokenStore {
  chunks: Uint32Array[] = [];
  private used = CHUNK;

  /** Stores a document's tokens; returns where: chunk index and start. */
  add(tokens: Uint32Array, count: number): { chunk: number; start: number } {
    if (this.used + count > CHUNK || this.chunks.length === 0) {
      this.chunks.push(new Uint32Array(Math.max(CHUNK, count)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    const start = this.used;
    this.chunks[chunk]!.set(count === tokens.length ? tokens : tokens.subarray(0, count), start);
    this.used += count;
    return { chunk, start };
  }

  /** Chunks trimmed to what they hold, for the index file. */
  exportChunks(): Uint32Array[] {
    return this.chunks.map((c, i) => (i === this.chunks.length - 1 ? c.subarray(0, this.used) : c));
  }

  static fromChunks(chunks: Uint32Array[]): TokenStore {
    const store = new TokenStore();
    store.chunks = chunks.slice();
    // The last chunk is full as far as new tokens go: they start a fresh one.
    store.used = CHUNK;
    return store;
  }

  get bytes(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0);
  }
}
