/**
 * The kinds of edit a source goes through between two versions, each with what a citation must
 * do about it. A document is its lines; the cited quote sits in one line, and every edit says
 * where the quote's words end up (for edits that keep them) so a silent placement can be judged.
 */

export type Expect = 'silent' | 'review' | 'lost' | 'silent-or-review';

export interface Doc {
  lines: string[];
  /** The quote: in `lines[line]`, characters [start, end). */
  q: { line: number; start: number; end: number };
}

export interface Edited {
  /** The old text, when the edit also needs it changed (a lookalike planted in both versions). */
  old?: Doc;
  new: Doc;
}

export type Rng = () => number;

export interface Edit {
  kind: string;
  expect: Expect;
  /** Which quotes it applies to; by default every generic quote. */
  needs?: 'number' | 'name' | 'date' | 'negation';
  apply(doc: Doc, rng: Rng): Edited | undefined;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const quoteOf = (d: Doc) => d.lines[d.q.line]!.slice(d.q.start, d.q.end);
const clone = (d: Doc): Doc => ({ lines: [...d.lines], q: { ...d.q } });

/** Another non-empty line than the quote's, if any. */
function otherLine(d: Doc, rng: Rng): number | undefined {
  const others = d.lines.map((l, i) => i).filter((i) => i !== d.q.line && d.lines[i]!.trim().length > 40);
  return others.length ? pick(rng, others) : undefined;
}

/** Replaces the quote's words by `words`: for edits inside the quote, after which only review is right. */
function withQuote(d: Doc, words: string): Edited | undefined {
  if (words === quoteOf(d)) return undefined;
  const n = clone(d);
  const line = d.lines[d.q.line]!;
  n.lines[d.q.line] = line.slice(0, d.q.start) + words + line.slice(d.q.end);
  n.q.end = d.q.start + words.length;
  return { new: n };
}

/** Inserts a line at `at`, keeping track of the quote's line. */
function insertLine(d: Doc, at: number, text: string): Doc {
  const n = clone(d);
  n.lines.splice(at, 0, text);
  if (at <= d.q.line) n.q.line++;
  return n;
}

function removeLine(d: Doc, at: number): Doc {
  const n = clone(d);
  n.lines.splice(at, 1);
  if (at < d.q.line) n.q.line--;
  return n;
}

/** Each word in the quote that satisfies `test`, as [start, end) in the quote. */
function wordsIn(quote: string, test: (w: string) => boolean): [number, number][] {
  return [...quote.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.,$-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)]
    .filter((m) => test(m[0]))
    .map((m) => [m.index, m.index + m[0].length]);
}

function replaceWord(d: Doc, rng: Rng, test: (w: string) => boolean, change: (w: string, rng: Rng) => string): Edited | undefined {
  const quote = quoteOf(d);
  const found = wordsIn(quote, test);
  if (!found.length) return undefined;
  const [a, b] = pick(rng, found);
  return withQuote(d, quote.slice(0, a) + change(quote.slice(a, b), rng) + quote.slice(b));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STOP = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'It',
  'He',
  'She',
  'We',
  'They',
  'This',
  'That',
  'But',
  'And',
  'I',
  'As',
  'For',
  'Of',
]);
export const isNumber = (w: string) => /\d/.test(w);
export const isYear = (w: string) => /^(1[7-9]\d\d|20[0-3]\d)$/.test(w);
export const isDate = (w: string) => MONTHS.includes(w) || isYear(w);
export const isName = (w: string) => /^\p{Lu}\p{Ll}{2,}$/u.test(w) && !STOP.has(w) && !MONTHS.includes(w);
const AUXILIARY = /\b(is|was|are|were|has|have|had|did|does|do|will|would|can|could|should|may|must)\b/;
export const hasNegationSite = (q: string) => /\bnot\b/.test(q) || AUXILIARY.test(q);

/** Curly and straight quotes swapped, dashes restyled, some spaces made non-breaking, soft hyphens in long words. */
export function retype(text: string): string {
  return text
    .replace(/(^|[\s(])"/g, '$1“')
    .replace(/"/g, '”')
    .replace(/[“”]/g, (c, at: number, s: string) => (at > 0 && /\S/.test(s[at - 1]!) && c === '“' ? '”' : c))
    .replace(/’/g, "'")
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/ -- | - |--/g, ' — ')
    .replace(/—/g, (d, at: number, s: string) => (s[at - 1] === ' ' ? d : ' — '))
    .replace(/\.\.\./g, '…')
    .replace(/\b(\w{3}) (\w)/g, '$1\u00a0$2')
    .replace(/\b(\w{5})(\w{4,})\b/g, '$1\u00ad$2');
}

function swapLetters(w: string, rng: Rng): string {
  const i = 1 + Math.floor(rng() * (w.length - 2));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

function otherVowel(w: string): string {
  const at = w.slice(1).search(/[aeiou]/) + 1;
  if (at <= 0) return w + 'e';
  const next: Record<string, string> = { a: 'e', e: 'i', i: 'o', o: 'u', u: 'a' };
  return w.slice(0, at) + next[w[at]!] + w.slice(at + 1);
}

export const EDITS: Edit[] = [
  {
    kind: 'typo fixed elsewhere',
    expect: 'silent',
    apply(d, rng) {
      const at = otherLine(d, rng);
      if (at === undefined) return undefined;
      const n = clone(d);
      n.lines[at] = n.lines[at]!.replace(/\b(\w{6,})\b/, (w) => swapLetters(w, rng));
      return n.lines[at] === d.lines[at] ? undefined : { new: n };
    },
  },
  {
    kind: 'typo fixed in the quote',
    expect: 'review',
    apply: (d, rng) => replaceWord(d, rng, (w) => /^\p{Ll}{5,}$/u.test(w), swapLetters),
  },
  {
    kind: 'words inserted before',
    expect: 'silent',
    apply(d) {
      const n = clone(d);
      const added = 'Update: this paragraph was revised after publication. ';
      n.lines[d.q.line] = added + d.lines[d.q.line];
      n.q.start += added.length;
      n.q.end += added.length;
      return { new: n };
    },
  },
  {
    kind: 'paragraph inserted before',
    expect: 'silent',
    apply: (d, rng) => ({
      new: insertLine(d, Math.floor(rng() * (d.q.line + 1)), 'Editor’s note: an earlier version of this text was corrected on 3 May.'),
    }),
  },
  {
    kind: 'paragraph moved',
    expect: 'silent',
    apply(d, rng) {
      const to = otherLine(d, rng);
      if (to === undefined) return undefined;
      const n = removeLine(d, d.q.line);
      n.lines.splice(to, 0, d.lines[d.q.line]!);
      n.q.line = to;
      return { new: n };
    },
  },
  {
    kind: 'other paragraph moved',
    expect: 'silent',
    apply(d, rng) {
      const from = otherLine(d, rng);
      if (from === undefined) return undefined;
      const moved = d.lines[from]!;
      const n = removeLine(d, from);
      return { new: insertLine(n, n.lines.length, moved) };
    },
  },
  {
    kind: 'paragraph deleted',
    expect: 'lost',
    apply(d) {
      const n = removeLine(d, d.q.line);
      n.q = { line: -1, start: 0, end: 0 };
      return { new: n };
    },
  },
  {
    kind: 'other paragraph deleted',
    expect: 'silent',
    apply(d, rng) {
      const at = otherLine(d, rng);
      return at === undefined ? undefined : { new: removeLine(d, at) };
    },
  },
  {
    kind: 'quote repeated elsewhere',
    expect: 'silent',
    apply: (d, rng) => ({
      new: insertLine(
        d,
        Math.floor(rng() * (d.lines.length + 1)),
        `As one later account put it, “${quoteOf(d)}”, a reading others dispute.`,
      ),
    }),
  },
  {
    kind: 'typography',
    expect: 'silent',
    apply(d) {
      const line = d.lines[d.q.line]!;
      const [pre, quote, post] = [line.slice(0, d.q.start), line.slice(d.q.start, d.q.end), line.slice(d.q.end)].map(retype);
      const n = clone(d);
      n.lines = d.lines.map((l, i) => (i === d.q.line ? pre! + quote! + post! : retype(l)));
      n.q = { line: d.q.line, start: pre!.length, end: pre!.length + quote!.length };
      return n.lines.join('\n') === d.lines.join('\n') ? undefined : { new: n };
    },
  },
  {
    kind: 'line breaks and spaces',
    expect: 'silent',
    apply(d) {
      const line = d.lines[d.q.line]!;
      const reflow = (s: string) => s.replace(/(\S+) (\S+) (\S+) /g, '$1  $2\n$3 ');
      const [pre, quote, post] = [line.slice(0, d.q.start), reflow(line.slice(d.q.start, d.q.end)), line.slice(d.q.end)];
      const n = clone(d);
      n.lines[d.q.line] = pre + quote + post;
      n.q.end = d.q.start + quote.length;
      return quote === quoteOf(d) ? undefined : { new: n };
    },
  },
  {
    kind: 'heavy rewrite',
    expect: 'review',
    apply(d, rng) {
      const words = quoteOf(d).split(/\s+/);
      if (words.length < 3) return undefined;
      const rewritten = [...words.slice(0, 1), ...words.slice(1).reverse(), 'reportedly'].join(' ');
      return withQuote(d, pick(rng, [rewritten, `According to officials, nothing of the kind happened`]));
    },
  },
  {
    kind: 'word deleted in the quote',
    expect: 'review',
    apply(d, rng) {
      const quote = quoteOf(d);
      const inner = wordsIn(quote, () => true).slice(1, -1);
      if (!inner.length) return undefined;
      const [a, b] = pick(rng, inner);
      return withQuote(d, (quote.slice(0, a) + quote.slice(b)).replace(/ {2}/, ' '));
    },
  },
  {
    kind: 'word inserted in the quote',
    expect: 'review',
    apply(d, rng) {
      const quote = quoteOf(d);
      const spaces = [...quote.matchAll(/ /g)].map((m) => m.index);
      if (!spaces.length) return undefined;
      const at = pick(rng, spaces);
      return withQuote(d, `${quote.slice(0, at)} ${pick(rng, ['allegedly', 'never', 'only', 'formerly'])}${quote.slice(at)}`);
    },
  },
  {
    kind: 'lookalike word in the quote',
    expect: 'review',
    apply: (d, rng) =>
      replaceWord(
        d,
        rng,
        (w) => /^(all|most|some|many|few|more|less|the|a|its|their|and|or)$/i.test(w),
        (w) =>
          ({
            all: 'most',
            most: 'all',
            some: 'many',
            many: 'some',
            few: 'many',
            more: 'less',
            less: 'more',
            the: 'a',
            a: 'the',
            its: 'their',
            their: 'its',
            and: 'or',
            or: 'and',
          })[w.toLowerCase()] ?? w,
      ),
  },
  {
    kind: 'case changed in the quote',
    expect: 'review',
    apply: (d, rng) =>
      replaceWord(
        d,
        rng,
        (w) => /^\p{Ll}{4,}$/u.test(w),
        (w) => w[0]!.toUpperCase() + w.slice(1),
      ),
  },
  {
    kind: 'duplicated block',
    expect: 'silent-or-review',
    apply: (d) => ({ new: insertLine(d, d.q.line + 1, d.lines[d.q.line]!) }),
  },
  {
    kind: 'deleted, lookalike remains',
    expect: 'lost',
    apply(d, rng) {
      const quote = quoteOf(d);
      const lookalike = otherVowel(quote.replace(/\b(\p{L}{4,})\b/u, (w) => otherVowel(w)));
      if (lookalike === quote) return undefined;
      const at = otherLine(d, rng) ?? 0;
      const old = insertLine(d, at, `A similar passage elsewhere: ${lookalike}, as noted.`);
      const n = removeLine(old, old.q.line);
      n.q = { line: -1, start: 0, end: 0 };
      return { old, new: n };
    },
  },
  {
    kind: 'moved and one letter changed',
    expect: 'review',
    apply(d, rng) {
      const edited = replaceWord(d, rng, (w) => /^\p{Ll}{5,}$/u.test(w), swapLetters);
      const to = otherLine(d, rng);
      if (!edited || to === undefined) return undefined;
      const n = removeLine(edited.new, d.q.line);
      n.lines.splice(to, 0, edited.new.lines[d.q.line]!);
      n.q.line = to;
      return { new: n };
    },
  },
  {
    kind: 'changed in place, old words written elsewhere',
    expect: 'review',
    apply(d, rng) {
      const edited = replaceWord(d, rng, (w) => /^\p{Ll}{4,}$/u.test(w), otherVowel);
      if (!edited) return undefined;
      return {
        new: insertLine(
          edited.new,
          edited.new.lines.length,
          `In a separate statement, officials repeated that ${quoteOf(d)} and left it there.`,
        ),
      };
    },
  },
  {
    kind: 'deleted, same words in new writing',
    expect: 'review',
    apply(d) {
      const n = removeLine(d, d.q.line);
      n.lines.push(`Critics later claimed that ${quoteOf(d)}, which officials denied outright.`);
      n.q = { line: -1, start: 0, end: 0 };
      return { new: n };
    },
  },
  {
    kind: 'negation',
    expect: 'review',
    needs: 'negation',
    apply(d) {
      const quote = quoteOf(d);
      const changed = /\bnot /.test(quote) ? quote.replace(/\bnot /, '') : quote.replace(AUXILIARY, '$1 not');
      return withQuote(d, changed);
    },
  },
  {
    kind: 'number',
    expect: 'review',
    needs: 'number',
    apply: (d, rng) => replaceWord(d, rng, isNumber, (w) => w.replace(/\d(?=\D*$)/, (x) => String((Number(x) + 1) % 10))),
  },
  {
    kind: 'name',
    expect: 'review',
    needs: 'name',
    apply: (d, rng) => replaceWord(d, rng, isName, otherVowel),
  },
  {
    kind: 'date',
    expect: 'review',
    needs: 'date',
    apply: (d, rng) => replaceWord(d, rng, isDate, (w) => (isYear(w) ? String(Number(w) + 1) : MONTHS[(MONTHS.indexOf(w) + 1) % 12]!)),
  },
];
