import type { QuoteMarks, ResolvedInline } from '../../../shared/export';

/**
 * Where citations sit against the writer's punctuation, so a note written once reads right in
 * every style. citeproc-js formats what is inside a citation (including moving punctuation into
 * quoted titles); the text around it is ours, and these are the rules:
 *
 * - Note numbers follow punctuation and closing quotation marks, not precede them (CMOS 14.26):
 *   `agency[1].` and `agency.[1]` both print `agency.¹`; a dash stays after the number.
 *   Where the locale puts periods and commas inside quotation marks (en-US), a moved period or
 *   comma goes inside: `“ambitious”[1].` prints `“ambitious.”¹`.
 * - A parenthetical citation comes before the sentence's punctuation (APA 8.11, MLA 6.3, Cite
 *   Them Right): `account.[c]` and `account[c].` both print `account (Title, n.d.).`; a question
 *   or exclamation mark stays where it is and the sentence still ends with a period after the
 *   citation, unless text goes on in lower case.
 * - In a block quotation the in-text citation follows the final punctuation (APA 8.27, MLA 6.37).
 * - When an in-text citation also carries a note (the quote), the citation stays before the
 *   punctuation and the note number goes after it: `account (Title, n.d.).¹`.
 * - Citations typed next to each other form one group: in-text styles print them in one
 *   parenthesis (the caller makes them one citeproc cluster), notes print `¹,²`.
 */
export interface MarkShape {
  /** Prints a parenthetical citation in the text. */
  inText: boolean;
  /** Has a note number. */
  note: boolean;
}

type Text = Extract<ResolvedInline, { kind: 'text' }>;

const LEADING_AFTER_NOTE = /^(?:[”’»]|["'](?=[\s.,;:!?]|$))*[.,;:!?]*/;
const PUNCT_BEFORE_IN_TEXT = /(?<!\.)([.,;:])([”’»"']*)\s*$/;
const END_QUESTION = /[?!][”’»"']*\s*$/;

/** Groups of adjacent citations: marks with nothing but spaces between them. */
export function markGroups(content: ResolvedInline[]): number[][] {
  const groups: number[][] = [];
  let current: number[] | null = null;
  content.forEach((inline, i) => {
    if (inline.kind === 'mark') {
      if (!current) groups.push((current = []));
      current.push(inline.mark);
    } else if (!(inline.kind === 'text' && !inline.text.trim() && content[i + 1]?.kind === 'mark')) current = null;
  });
  return groups;
}

/** American usage: `“ambitious”` + `.` → `“ambitious.”` (only where the text ends in a closing mark). */
function putInsideQuotes(text: string, punct: string): string {
  const m = /[”’»"']+$/.exec(text);
  return m && !/\p{L}’$/u.test(text.slice(0, m.index + 1)) ? text.slice(0, m.index) + punct + m[0] : text + punct;
}

export function placeMarks(
  content: ResolvedInline[],
  shape: (mark: number) => MarkShape,
  options: { punctuationInQuote: boolean; blockQuote?: boolean },
): ResolvedInline[] {
  const out: ResolvedInline[] = [];
  let i = 0;
  while (i < content.length) {
    const first = content[i]!;
    if (first.kind !== 'mark') {
      out.push(first);
      i++;
      continue;
    }
    const marks: number[] = [];
    let j = i;
    while (j < content.length) {
      const n = content[j]!;
      if (n.kind === 'mark') marks.push(n.mark);
      else if (!(n.kind === 'text' && !n.text.trim() && content[j + 1]?.kind === 'mark')) break;
      j++;
    }
    const shapes = marks.map(shape);
    const last = out.at(-1);
    const prev: Text | null = last?.kind === 'text' ? { ...last } : null;
    if (prev) out.pop();
    const nextInline = content[j];
    const next: Text | null = nextInline?.kind === 'text' ? { ...nextInline } : null;
    let moved = '';
    let movedMarks: Text['marks'];

    if (shapes.some((s) => s.inText) && options.blockQuote) {
      // A block quotation's citation follows its final punctuation (APA 8.27, MLA 6.37).
      if (prev) prev.text = prev.text.replace(/\s+$/, '');
      const after = next ? (/^[.,;:!?]+/.exec(next.text)?.[0] ?? '') : '';
      if (prev && next && after) {
        prev.text += after;
        next.text = next.text.slice(after.length);
      }
    } else if (shapes.some((s) => s.inText)) {
      if (prev) prev.text = prev.text.replace(/\s+$/, '');
      const typedBefore = prev ? PUNCT_BEFORE_IN_TEXT.exec(prev.text) : null;
      const after = next ? (/^[.,;:!?]+/.exec(next.text)?.[0] ?? '') : '';
      if (prev && typedBefore) {
        prev.text = prev.text.slice(0, typedBefore.index) + typedBefore[2];
        moved = after || typedBefore[1]!;
        movedMarks = prev.marks;
      } else if (prev && END_QUESTION.test(prev.text) && !after && (!next || /^\s*(\p{Lu}|$)/u.test(next.text))) {
        moved = '.';
        movedMarks = prev.marks;
      } else {
        moved = after;
        movedMarks = next?.marks;
      }
      if (next && after) next.text = next.text.slice(after.length);
    } else {
      if (prev) prev.text = prev.text.replace(/\s+$/, '');
      const lead = next ? LEADING_AFTER_NOTE.exec(next.text)![0] : '';
      if (next && lead) {
        next.text = next.text.slice(lead.length);
        const quotesPart = /^[^.,;:!?]*/.exec(lead)![0];
        const punct = lead.slice(quotesPart.length);
        let before = (prev?.text ?? '') + quotesPart;
        if (options.punctuationInQuote && /^[.,]/.test(punct)) before = putInsideQuotes(before, punct);
        else before += punct;
        if (prev) prev.text = before;
        else out.push({ kind: 'text', text: before, ...(next.marks ? { marks: next.marks } : {}) });
      }
    }

    if (prev && prev.text) out.push(prev);
    const text = (t: string): Text => ({ kind: 'text', text: t, ...(movedMarks ? { marks: movedMarks } : {}) });
    if (moved && shapes.some((s) => s.inText && s.note)) {
      // Split: citations before the punctuation, note numbers after it.
      shapes.forEach(
        (s, k) => (s.inText || !s.note) && out.push({ kind: 'mark', mark: marks[k]!, ...(s.note ? { part: 'citation' } : {}) }),
      );
      out.push(text(moved));
      shapes.forEach((s, k) => s.note && out.push({ kind: 'mark', mark: marks[k]!, ...(s.inText ? { part: 'note' } : {}) }));
    } else {
      for (const mark of marks) out.push({ kind: 'mark', mark });
      if (moved) out.push(text(moved));
    }
    if (next && next.text) out.push(next);
    i = next ? j + 1 : j;
  }
  return out;
}

/**
 * A quote in the locale's quotation marks, with quotation marks inside it turned into the inner
 * ones (en-US “… ‘…’ …”, en-GB ‘… “…” …’). Straight double quotes are paired; a single closing
 * mark that is an apostrophe (don’t) is left alone.
 */
export function quoted(text: string, quotes: QuoteMarks): string {
  let inner = text.replace(/"([^"]*)"/g, `${quotes.openInner}$1${quotes.closeInner}`);
  if (quotes.open === '“') inner = inner.replace(/“/g, quotes.openInner).replace(/”/g, quotes.closeInner);
  else if (quotes.open === '‘') inner = inner.replace(/‘([^‘’]*)’(?!\p{L})/gu, `${quotes.openInner}$1${quotes.closeInner}`);
  return `${quotes.open}${inner}${quotes.close}`;
}
