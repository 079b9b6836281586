import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Marks } from '../../../src/main/services/search/marks';

describe('per-query document sets (one bit per document, reused across queries)', () => {
  it('behaves as a fresh set after every reset, whatever the sizes before', () => {
    const marks = new Marks();
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 1, max: 5000 })
            .chain((docCount) => fc.tuple(fc.constant(docCount), fc.array(fc.nat(docCount - 1), { maxLength: 300 }))),
          { minLength: 1, maxLength: 6 },
        ),
        (queries) => {
          for (const [docCount, docs] of queries) {
            marks.reset(docCount);
            const model = new Set<number>();
            for (const doc of docs) {
              expect(marks.add(doc)).toBe(!model.has(doc));
              model.add(doc);
            }
            for (let doc = 0; doc < docCount; doc++) expect(marks.has(doc)).toBe(model.has(doc));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
