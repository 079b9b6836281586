import { KIND_PASSAGE, type IndexData } from './types';

/** Warm-up queries asked of a loaded index; enough for V8 to optimise every query path (measured in docs/benchmarks.md). */
export const WARM_UP_QUERIES = 2000;
/** Longest a warm-up may take in all: a very large index stops early rather than keep a core busy. */
export const WARM_UP_BUDGET_MS = 3000;
/** Longest one slice of warm-up queries holds the thread before a waiting request is served. */
export const WARM_UP_SLICE_MS = 1;

/**
 * Queries in the shapes users type, made from the index's own words: one word; two words, side by
 * side in a passage or not, the last completed as a prefix, half typed, or typed in full; three
 * words; a word typed twice; a phrase; a word with two letters swapped; a word narrowed by an
 * entity. Read from passages spread over the whole index; nothing depends on what it holds.
 */
export function warmUpQueries(index: IndexData, count: number): string[] {
  const passages: number[] = [];
  const docCount = index.docCount;
  // A prime stride visits documents spread over the whole index in a fixed order.
  const stride = 7919;
  for (let i = 0, doc = 0; i < docCount && passages.length < count; i++, doc = (doc + stride) % docCount) {
    if (index.kind[doc] === KIND_PASSAGE && index.live[doc] && index.tokLen[doc]! >= 2) passages.push(doc);
  }
  if (passages.length === 0) return [];
  const { vocabulary } = index;
  const terms = vocabulary.terms;
  // Words in at most one passage in 200: the query paths are the same as for common
  // words, at a fraction of the work (a warm-up of the most common words took seconds).
  const most = Math.max(2, Math.floor(index.liveByKind[KIND_PASSAGE]! / 200));
  const usable = (id: number) => {
    const df = vocabulary.frequency(id);
    return df >= 1 && df <= most && (terms[id]?.length ?? 0) > 0;
  };
  const entities = index.entities;
  const queries: string[] = [];
  let previous: string | null = null;
  for (let i = 0, misses = 0; queries.length < count && misses < count; i++) {
    const doc = passages[i % passages.length]!;
    const tokens = index.chunks[index.tokChunk[doc]!]!;
    const start = index.tokStart[doc]!;
    const length = index.tokLen[doc]!;
    // The first pair of neighbouring words both usable, from a point that moves with i.
    let at = -1;
    for (let k = 0; k + 1 < length; k++) {
      const p = start + ((k + i * 31) % (length - 1));
      if (usable(tokens[p]!) && usable(tokens[p + 1]!)) {
        at = p;
        break;
      }
    }
    if (at < 0) {
      misses++;
      continue;
    }
    const first = terms[tokens[at]!]!;
    const second = terms[tokens[at + 1]!]!;
    // A word of the previous passage taken: two words that seldom share a passage.
    const other = previous ?? second;
    previous = first;
    switch (i % 10) {
      case 0:
        queries.push(first);
        break;
      case 1:
        queries.push(`${first} ${second}`);
        break;
      case 2:
        queries.push(`${first} ${other}`);
        break;
      case 3:
        queries.push(`${first} ${second.slice(0, Math.max(3, second.length - 2))}`);
        break;
      case 4:
        queries.push(`"${first} ${second}"`);
        break;
      case 5:
        queries.push(`${swapped(first)} `);
        break;
      case 6: {
        const entity = entities.length > 0 ? entities[i % entities.length]!.id : null;
        queries.push(entity ? `${first} entity:"${entity.replace(/"/g, '')}"` : `${other} ${first}`);
        break;
      }
      case 7:
        queries.push(`${other} ${first} `);
        break;
      case 8:
        queries.push(`${first} ${second} ${other}`);
        break;
      default:
        // A word typed twice, as happens while editing a query: both words share their passages.
        queries.push(`${first} ${first}`);
    }
  }
  return queries;
}

/** The word with its second and third letters swapped: a typo the query corrects. */
function swapped(word: string): string {
  return word.length < 5 ? word : word[0]! + word[2]! + word[1]! + word.slice(3);
}
