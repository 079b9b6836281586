import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/main/services/search/engine';
import type { PassageView } from '../../../src/main/services/search/types';

/**
 * Phrases of common words are read from adjacent-pair postings best-first and stop early
 * (pairs.ts, candidates.ts). Held against a count made by hand: the total and the best passages
 * must be what checking every passage gives, after a bulk build, with passages added since
 * (the delta) and with a source removed.
 */
const COMMON = ['the', 'of', 'and', 'ledger', 'port', 'cargo'];
const RARE = ['quetzal', 'obsidian', 'saffron'];

function corpus(count: number, seed: number): string[] {
  let s = seed;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    const length = 6 + Math.floor(random() * 14);
    return Array.from({ length }, () => {
      const words = random() < 0.05 ? RARE : COMMON;
      return words[Math.floor(random() * words.length)]!;
    }).join(' ');
  });
}

function phraseCount(text: string, phrase: string[]): number {
  const words = text.split(' ');
  let n = 0;
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) n++;
  return n;
}

describe('phrases of common words', () => {
  const texts = new Map<number, string>();
  const engine = new SearchEngine((ids) => {
    const out = new Map<number, PassageView>();
    for (const id of ids) out.set(id, { text: texts.get(id)!, anchor: `a${id}`, ordinal: id, mentions: [] });
    return out;
  });
  let next = 1;
  const addSource = (sourceId: string, passages: string[]) => {
    engine.setSource({ id: sourceId, title: sourceId, issued: null }, '');
    for (const text of passages) {
      texts.set(next, text);
      engine.addPassage({ id: next++, sourceId, kind: 'paragraph', text, mentions: [] });
    }
  };
  const live = new Map<string, number[]>();
  const add = (sourceId: string, passages: string[]) => {
    const first = next;
    addSource(sourceId, passages);
    live.set(
      sourceId,
      Array.from({ length: passages.length }, (_, i) => first + i),
    );
  };

  let counted = 0;
  const check = (phrase: string[]) => {
    const ids = [...live.values()].flat();
    const expected = ids.filter((id) => phraseCount(texts.get(id)!, phrase) > 0);
    const response = engine.query(`"${phrase.join(' ')}"`, { limit: 10, kinds: ['passage'] });
    const group = response.groups.find((g) => g.kind === 'passage');
    counted += expected.length;
    expect(group?.total ?? 0, phrase.join(' ')).toBe(expected.length);
    const everything = engine.query(`"${phrase.join(' ')}"`, { limit: 1_000_000, kinds: ['passage'] });
    const all = everything.groups.find((g) => g.kind === 'passage')?.hits ?? [];
    expect(all.map((h) => Number(h.id)).sort((a, b) => a - b)).toEqual(expected);
    // The early stop gives exactly the best of checking everything.
    expect((group?.hits ?? []).map((h) => [h.id, h.score])).toEqual(all.slice(0, 10).map((h) => [h.id, h.score]));
  };

  it('counts and ranks as a check of every passage would, built, then added to, then after a removal', () => {
    engine.bulk = true;
    add('s1', corpus(600, 1));
    add('s2', corpus(600, 2));
    engine.compact();
    engine.vocabulary.prepare();
    expect(engine.pairs.words).toBeGreaterThan(0);
    const phrases = [
      ['the', 'of'],
      ['of', 'the'],
      ['ledger', 'port'],
      ['the', 'the'],
      ['port', 'quetzal'],
      ['the', 'of', 'and'],
      ['cargo'],
      // A rare word leads; the other words' postings rule passages out before any is looked into.
      ['quetzal', 'obsidian'],
      ['saffron', 'the'],
      ['the', 'saffron'],
      ['obsidian', 'saffron', 'quetzal'],
      ['quetzal', 'the', 'saffron'],
    ];
    for (const p of phrases) check(p);
    add('s3', corpus(200, 3)); // the delta: not compacted
    for (const p of phrases) check(p);
    engine.removeSource('s1');
    live.delete('s1');
    for (const p of phrases) check(p);
    engine.compact();
    for (const p of phrases) check(p);
    expect(counted).toBeGreaterThan(1000); // the phrases do occur: the checks compared something
  });

  it('finds a phrase in sources (small documents) exactly where it is written', () => {
    const details = corpus(300, 9);
    details.forEach((text, i) => engine.setSource({ id: `detail-${i}`, title: `detail${i}`, issued: null }, text));
    engine.vocabulary.prepare();
    let found = 0;
    for (const phrase of [
      ['the', 'of'],
      ['quetzal', 'obsidian'],
      ['saffron', 'the'],
      ['the', 'the'],
      ['obsidian', 'saffron', 'quetzal'],
    ]) {
      const expected = details.flatMap((text, i) => (phraseCount(text, phrase) > 0 ? [`detail-${i}`] : [])).sort();
      const response = engine.query(`"${phrase.join(' ')}"`, { limit: 1_000_000, kinds: ['source'] });
      const ids = (response.groups.find((g) => g.kind === 'source')?.hits ?? []).map((h) => h.id).filter((id) => id.startsWith('detail-'));
      expect(ids.sort(), phrase.join(' ')).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(50);
  });
});
