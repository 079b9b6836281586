import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundOrder } from '../../../src/main/services/search/bound-order';
import { Postings, spanOf } from '../../../src/main/services/search/postings';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SearchEngine } from '../../../src/main/services/search/engine';
import { readIndex, writeIndex } from '../../../src/main/services/search/persist';
import type { PassageView } from '../../../src/main/services/search/types';

/**
 * Queries of several words stop scoring once no candidate left can enter the top k, allowing for
 * the proximity bonus only as far as where the words stand in each passage allows (the spans kept
 * in the postings). Held against scoring every passage: the best ten (ids and scores) must be what
 * a query with no early stop gives, after a bulk build, with passages added since (the delta, whose
 * postings keep no span), after a removal and compacted again; with passages longer than the 255
 * positions a span records, headings, and words typed twice.
 */
const WORDS = ['amber', 'basalt', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper', 'kelp', 'lagoon'];
const RARE = ['quorum', 'zephyr'];

function corpus(count: number, seed: number): { text: string; kind: 'paragraph' | 'heading' }[] {
  let s = seed;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    // Mostly short, some far longer than a span's 255 positions.
    const length = random() < 0.1 ? 260 + Math.floor(random() * 300) : 8 + Math.floor(random() * 50);
    const text = Array.from({ length }, () => {
      const words = random() < 0.04 ? RARE : WORDS;
      return words[Math.floor(random() * words.length)]!;
    }).join(' ');
    return { text, kind: random() < 0.1 ? 'heading' : 'paragraph' };
  });
}

describe('early stop with proximity bounds from word spans', () => {
  const texts = new Map<number, string>();
  const engine = new SearchEngine((ids) => {
    const out = new Map<number, PassageView>();
    for (const id of ids) out.set(id, { text: texts.get(id)!, anchor: `a${id}`, ordinal: id, mentions: [] });
    return out;
  });
  let next = 1;
  const add = (sourceId: string, passages: { text: string; kind: 'paragraph' | 'heading' }[]) => {
    engine.setSource({ id: sourceId, title: sourceId, issued: null }, '');
    for (const { text, kind } of passages) {
      texts.set(next, text);
      engine.addPassage({ id: next++, sourceId, kind, text, mentions: [] });
    }
  };

  const best = (query: string, limit: number) =>
    (engine.query(query, { limit, kinds: ['passage'] }).groups.find((g) => g.kind === 'passage')?.hits ?? []).map((h) => [h.id, h.score]);

  let compared = 0;
  const check = (queries: string[]) => {
    for (const query of queries) {
      const everything = best(query, 1_000_000);
      expect(best(query, 10), query).toEqual(everything.slice(0, 10));
      compared += everything.length > 10 ? 1 : 0;
    }
  };

  const queries = [
    'amber basalt',
    'cobalt dune ',
    'ember fjord garnet',
    'quorum zephyr',
    'harbor quorum',
    'zephyr indigo jasper kelp',
    'lagoon lagoon',
    'amber amb',
    'garnet harb',
    'amber basalt cobalt dune ember',
  ];

  it('gives the best of scoring everything, built, added to, after a removal and compacted', () => {
    engine.bulk = true;
    add('s1', corpus(700, 11));
    add('s2', corpus(700, 12));
    engine.compact();
    engine.vocabulary.prepare();
    check(queries);
    add('s3', corpus(250, 13)); // the delta: its postings keep no span
    engine.vocabulary.prepare();
    check(queries);
    engine.removeSource('s1');
    check(queries);
    engine.compact();
    check(queries);
    expect(compared).toBeGreaterThan(30); // each query had more matches than it showed
  });

  it('keeps its spans through the index file, and answers the same from it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-spans-'));
    try {
      const file = path.join(dir, 'index.sbidx');
      writeIndex(file, engine, 1);
      const loaded = await readIndex(file, (ids) => {
        const out = new Map<number, PassageView>();
        for (const id of ids) out.set(id, { text: texts.get(id)!, anchor: `a${id}`, ordinal: id, mentions: [] });
        return out;
      });
      if (!loaded.ok) throw new Error(loaded.detail);
      expect(loaded.engine.termPostings.spans).toEqual(engine.termPostings.spans);
      expect(engine.termPostings.spans.length).toBe(engine.termPostings.docs.length);
      for (const query of queries) {
        const [a, b] = [engine, loaded.engine].map((e) => e.query(query, { limit: 10, kinds: ['passage'] }).groups);
        expect(b, query).toEqual(a);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds for random pairs and triples of words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS, ...RARE), { minLength: 2, maxLength: 3 }), fc.boolean(), (words, typing) => {
        const query = words.join(' ') + (typing ? '' : ' ');
        const everything = best(query, 1_000_000);
        expect(best(query, 10), query).toEqual(everything.slice(0, 10));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('BoundOrder', () => {
  it('takes candidates best bound first, refined ones in their new place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 200 }),
        fc.boolean(),
        (entries, rough) => {
          const bound = new Float64Array(entries.length);
          entries.forEach(([b], doc) => (bound[doc] = b));
          const order = new BoundOrder();
          order.fill(
            entries.map((_, doc) => doc),
            bound,
            rough,
          );
          // A rough bound is refined down by its share: the finer bound of each document.
          const finer = (doc: number) => bound[doc]! * entries[doc]![1];
          const taken: number[] = [];
          let last = Infinity;
          while (order.size > 0) {
            if (order.nextIsRough) {
              order.refine(finer(order.next));
              continue;
            }
            expect(order.nextBound).toBeLessThanOrEqual(last);
            last = order.nextBound;
            taken.push(order.take());
          }
          expect(taken.sort((a, b) => a - b)).toEqual(entries.map((_, doc) => doc));
          const keys = taken.map((doc) => (rough ? finer(doc) : bound[doc]!));
          expect(Math.max(...keys, -Infinity)).toBe(Math.max(...entries.map((_, doc) => (rough ? finer(doc) : bound[doc]!)), -Infinity));
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('Postings.build with spans', () => {
  it('hands every call an empty list of spans (a list kept growing over a million passages took 1 GB)', () => {
    const entering: number[] = [];
    const docs = [0, 1, 2, 3];
    const postings = Postings.build(
      3,
      docs,
      (doc, out) => {
        entering.push(out.spans.length);
        out.keys.length = 0;
        out.tfs.length = 0;
        // Pushes without clearing `spans` first, as a careless caller might.
        for (let key = 0; key < 3; key++) {
          if ((doc + key) % 2 === 0) continue;
          out.keys.push(key);
          out.tfs.push(1);
          out.spans.push(spanOf(doc, doc + key));
        }
        return 5;
      },
      5,
      () => 1,
      true,
    );
    expect(new Set(entering)).toEqual(new Set([0]));
    expect(entering).toHaveLength(docs.length * 2);
    for (let key = 0; key < 3; key++)
      for (let i = postings.start(key); i < postings.end(key); i++)
        expect(postings.spans[i]).toBe(spanOf(postings.docs[i]!, postings.docs[i]! + key));
  });
});
