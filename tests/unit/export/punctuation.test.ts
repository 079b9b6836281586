import { describe, expect, it } from 'vitest';
import { needsNoteSeparator, type ResolvedInline } from '../../../src/shared/export';
import { placeMarks, quoted } from '../../../src/main/services/export/punctuation';

// Marks print as [C0] (in-text citation) and ^0 (note number), so placement reads at a glance.
const NOTE = { inText: false, note: true };
const IN_TEXT = { inText: true, note: false };
const IN_TEXT_WITH_NOTE = { inText: true, note: true };

function place(
  parts: (string | number)[],
  shape: { inText: boolean; note: boolean },
  punctuationInQuote = true,
  blockQuote = false,
): string {
  const content: ResolvedInline[] = parts.map((p) => (typeof p === 'number' ? { kind: 'mark', mark: p } : { kind: 'text', text: p }));
  return placeMarks(content, () => shape, { punctuationInQuote, blockQuote })
    .map((i) => {
      if (i.kind === 'text') return i.text;
      if (i.kind !== 'mark') return '';
      const text = shape.inText && i.part !== 'note' ? ` [C${i.mark}]` : '';
      const note = shape.note && i.part !== 'citation' ? `^${i.mark}` : '';
      return text + note;
    })
    .join('');
}

describe('citations against punctuation (one note, every style)', () => {
  it('note numbers follow the full stop, comma and closing quotation mark (CMOS 14.26)', () => {
    expect(place(['the agency', 0, '. Next'], NOTE)).toBe('the agency.^0 Next');
    expect(place(['the agency.', 0, ' Next'], NOTE)).toBe('the agency.^0 Next');
    expect(place(['the agency ', 0, ', and'], NOTE)).toBe('the agency,^0 and');
    expect(place(['called it “ambitious', 0, '”.'], NOTE)).toBe('called it “ambitious.”^0');
    expect(place(['a dash', 0, '—then'], NOTE)).toBe('a dash^0—then');
  });

  it('moves a period into closing quotation marks only where the locale does (en-US, not en-GB)', () => {
    expect(place(['called it “ambitious”', 0, '.'], NOTE, true)).toBe('called it “ambitious.”^0');
    expect(place(['called it ‘ambitious’', 0, '.'], NOTE, false)).toBe('called it ‘ambitious’.^0');
    // An apostrophe is not a closing quotation mark.
    expect(place(['the agencies’', 0, '.'], NOTE, true)).toBe('the agencies’.^0');
  });

  it('adjacent notes stay together after the punctuation', () => {
    expect(place(['the agency', 0, ' ', 1, '. Next'], NOTE)).toBe('the agency.^0^1 Next');
  });

  it('in-text citations come before the sentence’s punctuation, typed before or after it', () => {
    expect(place(['an account.', 0, ' Next'], IN_TEXT)).toBe('an account [C0]. Next');
    expect(place(['an account', 0, '. Next'], IN_TEXT)).toBe('an account [C0]. Next');
    expect(place(['an account, ', 0, ' and more'], IN_TEXT)).toBe('an account [C0], and more');
    expect(place(['he said “it was planned.”', 0], IN_TEXT)).toBe('he said “it was planned” [C0].');
    expect(place(['an account', 0, ' and more'], IN_TEXT)).toBe('an account [C0] and more');
    // An ellipsis is not moved.
    expect(place(['and so on...', 0], IN_TEXT)).toBe('and so on... [C0]');
  });

  it('in a block quotation the citation follows the final punctuation', () => {
    expect(place(['the end of the quotation.', 0], IN_TEXT, true, true)).toBe('the end of the quotation. [C0]');
    expect(place(['the end of the quotation', 0, '.'], IN_TEXT, true, true)).toBe('the end of the quotation. [C0]');
  });

  it('a question keeps its mark and the sentence still ends after the citation', () => {
    expect(place(['“Is it?”', 0, ' Then'], IN_TEXT)).toBe('“Is it?” [C0]. Then');
    expect(place(['“is it?”', 0, ' she asked'], IN_TEXT)).toBe('“is it?” [C0] she asked');
  });

  it('an in-text citation with a quote note: citation before the full stop, note number after it', () => {
    expect(place(['an account.', 0, ' Next'], IN_TEXT_WITH_NOTE)).toBe('an account [C0].^0 Next');
    expect(place(['an account', 0, ' and more'], IN_TEXT_WITH_NOTE)).toBe('an account [C0]^0 and more');
  });
});

describe('nested quotation marks', () => {
  const enUS = { open: '“', close: '”', openInner: '‘', closeInner: '’' };
  const enGB = { open: '‘', close: '’', openInner: '“', closeInner: '”' };
  it('become the inner marks of the locale, leaving apostrophes alone', () => {
    expect(quoted('warned against "overseas agencies" online', enUS)).toBe('“warned against ‘overseas agencies’ online”');
    expect(quoted('warned against “overseas agencies” online', enUS)).toBe('“warned against ‘overseas agencies’ online”');
    expect(quoted('warned against "overseas agencies" online', enGB)).toBe('‘warned against “overseas agencies” online’');
    expect(quoted('warned against ‘overseas agencies’ online, don’t', enGB)).toBe('‘warned against “overseas agencies” online, don’t’');
    expect(quoted('Beijing’s “positions”', enUS)).toBe('“Beijing’s ‘positions’”');
  });
});

describe('separators between note numbers', () => {
  const mark = (noteNumber: number | null, inText: boolean) => ({
    citationId: 'c',
    noteNumber,
    inText: inText ? [{ text: '(Taylor, n.d.)' }] : null,
    problem: null,
  });
  it('separates two touching note numbers, never a number that follows an in-text citation', () => {
    const report = { marks: [mark(1, false), mark(2, false), mark(3, true), mark(4, true)] };
    const m = (i: number, part?: 'citation' | 'note'): ResolvedInline => ({ kind: 'mark', mark: i, ...(part ? { part } : {}) });
    expect(needsNoteSeparator(report, [m(0), m(1)], 1)).toBe(true);
    // "…para. 12)‚³" was the old bug: an in-text citation with its own note after another note.
    expect(needsNoteSeparator(report, [m(1), m(2)], 1)).toBe(false);
    expect(
      needsNoteSeparator(report, [m(2, 'citation'), m(3, 'citation'), { kind: 'text', text: '.' }, m(2, 'note'), m(3, 'note')], 4),
    ).toBe(true);
    expect(needsNoteSeparator(report, [m(0), { kind: 'text', text: ' and' }, m(1)], 2)).toBe(false);
  });
});
