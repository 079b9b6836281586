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
  private flex = this.create();

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

  importChunks(chunks: [string, string][]): void {
    this.flex = this.create();
    for (const [key, data] of chunks) this.flex.import(key, data);
  }
}
