import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterMask, Vocabulary, withinOneEdit } from '../../../src/main/services/search/vocabulary';

// Letters that share a bit of the mask (a and q, é's code and others) are in the alphabet on purpose.
const letter = fc.constantFrom(...'abcdeqrstuvwxyzéèüß019'.split(''));
const word = fc.array(letter, { minLength: 1, maxLength: 14 }).map((letters) => letters.join(''));

/** One random edit of a word: a deletion, an insertion, a substitution or a swap. */
const edited = fc.tuple(word, fc.nat(), letter, fc.integer({ min: 0, max: 3 })).map(([w, at, c, kind]) => {
  const i = at % w.length;
  if (kind === 0) return [w, w.slice(0, i) + w.slice(i + 1)] as const;
  if (kind === 1) return [w, w.slice(0, i) + c + w.slice(i)] as const;
  if (kind === 2) return [w, w.slice(0, i) + c + w.slice(i + 1)] as const;
  return [w, i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w] as const;
});

const bitsApart = (a: string, b: string) => {
  let x = letterMask(a) ^ letterMask(b);
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
};

describe('the letter-set test in front of the one-edit comparison (typo corrections)', () => {
  it('never turns away a word one edit away', () => {
    fc.assert(
      fc.property(edited, ([a, b]) => {
        expect(withinOneEdit(a, b)).toBe(true);
        expect(bitsApart(a, b)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds exactly the known words one edit away that start with the typed first or second letter', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 80 }), edited, (words, [original, typed]) => {
        const vocabulary = new Vocabulary();
        for (const w of [...words, original]) vocabulary.df.data[vocabulary.intern(w)] = 1;
        const expected = vocabulary.terms
          .filter((t) => t !== typed && withinOneEdit(typed, t) && (t[0] === typed[0] || t[0] === typed[1]))
          .sort();
        const found = vocabulary
          .nearby(typed, 1000)
          .map((id) => vocabulary.terms[id]!)
          .sort();
        if (typed.length < 4 || typed.length > 30) expect(found).toEqual([]);
        else expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
