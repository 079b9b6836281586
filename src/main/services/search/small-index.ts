import { Index } from 'flexsearch';

/**
 * FlexSearch keeps the words of sources, entities and notes: a few thousand documents that
 * change all the time (a note on every autosave, an entity when an alias is added), which its
 * in-place add and remove are made for. It receives our folded surface words (strict tokenizer,
 * no encoding of its own) and answers which documents hold a word; ranking is ours (rank.ts).
 * Passages, a million and never edited in place, live in impact-ordered postings (postings.ts).
 */
export class SmallIndex {
  private readonly pending: { terms: string[] | null } = { terms: null };
  private index = this.create();
  /** Chunks read from the index file and not yet imported (see importChunks). */
  private unread: [string, string][] | null = null;

  private get flex() {
    if (this.unread) this.settle();
    return this.index;
  }

  private create() {
    return new Index({ tokenize: 'strict', resolution: 1, encode: (text: string) => this.pending.terms ?? text.split(' ') });
  }

  add(doc: number, distinctTerms: string[]): void {
    if (distinctTerms.length === 0) return;
    this.pending.terms = distinctTerms;
    try {
      this.flex.add(doc, distinctTerms[0]!);
    } finally {
      this.pending.terms = null;
    }
  }

  remove(doc: number): void {
    this.flex.remove(doc);
  }

  /** Every document holding a word. */
  documents(term: string): number[] {
    return this.flex.search(term, { limit: 1_000_000 }) as number[];
  }

  /** FlexSearch exports synchronously when its handler returns nothing. */
  exportChunks(): [string, string][] {
    const chunks: [string, string][] = [];
    this.flex.export((key: string, data: string) => void chunks.push([key, data]));
    return chunks;
  }

  /**
   * Takes a loaded index's chunks; they are imported on first use or by `settle`, whichever
   * comes first. A reload answers without them (30 ms of 450 at 100k passages): the host settles
   * them right after, and a query needing them earlier imports them itself.
   */
  importChunks(chunks: [string, string][]): void {
    this.index = this.create();
    this.unread = chunks;
  }

  /** Imports the chunks taken by importChunks, if any are left. */
  settle(): void {
    const chunks = this.unread;
    if (!chunks) return;
    this.unread = null;
    for (const [key, data] of chunks) this.index.import(key, data);
  }
}
