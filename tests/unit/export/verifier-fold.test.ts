import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalized } from '../../../src/main/services/notes/textNormalize';
import { ROOT } from '../helpers';

/** The evidence pack's verifier is one dependency-free file; its copy of the comparison form must match the app's. */
const verifier = (await import(path.join(ROOT, 'resources/evidence/verify.mjs'))) as { foldQuote: (s: string) => string };

const TYPOGRAPHY = [
  '‘',
  '’',
  '“',
  '”',
  '"',
  "'",
  '—',
  '–',
  '-',
  '--',
  ' - ',
  ' — ',
  '…',
  '...',
  '\u00a0',
  '\u2009',
  '\n',
  '\t',
  '  ',
  '\u00ad',
  '\u200b',
  'ﬁ',
  'e\u0301',
  'é',
  '«',
  '»',
  '′',
];

describe('the verifier folds quotes as the app does', () => {
  it('on the anchoring fixtures, line by line', () => {
    const dir = path.join(ROOT, 'tests/fixtures/anchoring');
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const line of text.split(/(?<=\.)\s/u).slice(0, 400)) expect(verifier.foldQuote(line)).toBe(normalized(line));
    }
  });

  it('on generated strings full of typography', () => {
    const piece = fc.oneof(fc.constantFrom(...TYPOGRAPHY), fc.string({ maxLength: 4 }), fc.constantFrom('not', '12', 'Chen Wei', ' '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        expect(verifier.foldQuote(s)).toBe(normalized(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps letters, digits, case and negations apart', () => {
    for (const [a, b] of [
      ['did not approve', 'did approve'],
      ['12 officers', '120 officers'],
      ['Chen Wei', 'Chen Hui'],
      ['in 2016', 'in 2017'],
      ['State', 'state'],
    ] as const)
      expect(verifier.foldQuote(a)).not.toBe(verifier.foldQuote(b));
    expect(verifier.foldQuote('the ministry’s  “licences” — 12\u00a0officers')).toBe(
      verifier.foldQuote('the ministry\'s "licences"-12 officers'),
    );
  });
});
