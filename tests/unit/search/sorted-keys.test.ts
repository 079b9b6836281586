import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from '../../../src/main/services/search/vocabulary';

const key = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((k) => !k.includes('\n'));

describe('the family keys as the index file keeps them (one joined string, binary search)', () => {
  it('finds every key at its place and nothing else, through a round trip', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 60 }), key, (keys, probe) => {
        const written = SortedKeys.of(keys);
        const read = SortedKeys.from(written.joined, Uint32Array.from(written.ends));
        expect(read.size).toBe(keys.length);
        const seen = new Set<string>();
        for (let i = 0; i < read.size; i++) {
          const k = read.at(i);
          seen.add(k);
          expect(read.indexOf(k)).toBe(i);
          if (i > 0) expect(read.at(i - 1) < k).toBe(true);
        }
        expect(seen).toEqual(new Set(keys));
        if (!keys.includes(probe)) expect(read.indexOf(probe)).toBe(-1);
      }),
    );
  });

  it('refuses ends that do not match the joined keys, and keys holding a line break', () => {
    expect(() => SortedKeys.from('a\nbc', Uint32Array.from([1, 3]))).toThrow(/differ/);
    expect(() => SortedKeys.of(['a\nb'])).toThrow(/line break/);
    expect(SortedKeys.of([]).indexOf('')).toBe(-1);
    expect(SortedKeys.of(['']).indexOf('')).toBe(0);
  });
});
