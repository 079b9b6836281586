import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grow32, Grow8 } from '../../../src/main/services/search/arrays';
import { SmallIndex } from '../../../src/main/services/search/small-index';
import { Vocabulary } from '../../../src/main/services/search/vocabulary';

/** A reload uses what it read in place and leaves work to first use: what it must still answer. */
describe('an index loaded from its file', () => {
  it('finds every word without a word map (in its sorted view), and takes new words after', () => {
    const word = fc.stringMatching(/^[a-zà-ÿ0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 300 }), fc.uniqueArray(word, { maxLength: 40 }), (known, later) => {
        const built = new Vocabulary();
        const ids = known.map((w) => built.intern(w));
        const loaded = Vocabulary.fromState(built.exportState());
        known.forEach((w, i) => expect(loaded.idOf(w)).toBe(ids[i]));
        const absent = later.filter((w) => !known.includes(w));
        for (const w of absent) expect(loaded.idOf(w)).toBeUndefined();
        // The same once its word map is made (after a reload has answered).
        const settled = Vocabulary.fromState(built.exportState());
        settled.settle();
        known.forEach((w, i) => expect(settled.idOf(w)).toBe(ids[i]));
        for (const w of absent) expect(settled.idOf(w)).toBeUndefined();
        // New words after the load: numbered on, and every word still found.
        for (const w of absent) expect(loaded.intern(w)).toBe(loaded.size - 1);
        known.forEach((w, i) => expect(loaded.intern(w)).toBe(ids[i]));
        [...known, ...absent].forEach((w) => expect(loaded.terms[loaded.idOf(w)!]).toBe(w));
      }),
      { numRuns: 60 },
    );
  });

  it('answers from sources, entities and notes before their words are settled, and exports them unchanged', () => {
    const small = new SmallIndex();
    small.add(1, ['capvision', 'raid']);
    small.add(2, ['raid', 'shanghai']);
    const chunks = small.exportChunks();
    const loaded = new SmallIndex();
    loaded.importChunks(chunks);
    expect(loaded.documents('raid').sort()).toEqual([1, 2]);
    const exported = new SmallIndex();
    exported.importChunks(chunks);
    expect(exported.exportChunks()).toEqual(chunks);
    const edited = new SmallIndex();
    edited.importChunks(chunks);
    edited.remove(1);
    expect(edited.documents('raid')).toEqual([2]);
    edited.settle(); // nothing left to import: the removal stays
    expect(edited.documents('capvision')).toEqual([]);
  });

  it('keeps columns read from the file in place, and grows them on the first new document', () => {
    const file = new Uint32Array([7, 8, 9]);
    const column = Grow32.adopt(file);
    expect(column.view()).toEqual(new Uint32Array([7, 8, 9]));
    for (let i = 0; i < 3000; i++) column.push(i);
    expect(column.length).toBe(3003);
    expect(Array.from(column.view().subarray(0, 5))).toEqual([7, 8, 9, 0, 1]);
    expect(column.data[3002]).toBe(2999);
    const empty = Grow8.adopt(new Uint8Array(0));
    empty.push(5);
    expect(Array.from(empty.view())).toEqual([5]);
  });
});
