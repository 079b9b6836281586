import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorQuote, type AnchorDecision, type QuoteSelector } from '../../../../src/main/services/notes/anchoring';
import { quoteAt } from '../../../../src/main/services/notes/selection';
import { normalized } from '../../../../src/main/services/notes/textNormalize';
import { VersionAlignment } from '../../../../src/main/services/notes/versionAlignment';
import { EDITS, hasNegationSite, isDate, isName, isNumber, type Doc, type Expect, type Rng } from './edits';

/**
 * The edit benchmark: real texts (the five seed articles and two public-domain speeches), quotes
 * picked from them, and every kind of edit in edits.ts applied to each, with what a citation must
 * do. Deterministic: a seeded generator picks the quotes and the edits' details.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const TEXTS: { name: string; file: string }[] = [
  ...fs
    .readdirSync(path.join(ROOT, 'resources/seed'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed ${f.slice(0, 3)}`, file: path.join(ROOT, 'resources/seed', f) })),
  { name: 'Lincoln 1862', file: path.join(ROOT, 'tests/fixtures/anchoring/1862-lincoln-annual-message.txt') },
  { name: 'Bush 1991', file: path.join(ROOT, 'tests/fixtures/anchoring/1991-bush-gulf-address.txt') },
];

export interface BenchCase {
  id: string;
  text: string;
  kind: string;
  expect: Expect;
  old: string;
  new: string;
  quote: QuoteSelector;
  /** Where the quoted words are in the new text, when the edit kept them. */
  target: { start: number; end: number } | null;
}

export type Verdict = 'right' | 'review' | 'needless' | 'wrong';

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

function assemble(doc: Doc): { text: string; span: { start: number; end: number } | null } {
  const text = doc.lines.join('\n');
  if (doc.q.line < 0) return { text, span: null };
  let offset = 0;
  for (let i = 0; i < doc.q.line; i++) offset += doc.lines[i]!.length + 1;
  return { text, span: { start: offset + doc.q.start, end: offset + doc.q.end } };
}

/** A quote of `words` words in line `line`, starting at word `from`: whole words, no trailing punctuation. */
function quoteIn(lines: string[], line: number, from: number, words: number): Doc | undefined {
  const tokens = [...lines[line]!.matchAll(/\S+/g)];
  if (from + words > tokens.length) return undefined;
  const first = tokens[from]!;
  const last = tokens[from + words - 1]!;
  let start = first.index;
  let end = last.index + last[0].length;
  while (start < end && !/[\p{L}\p{N}]/u.test(lines[line]![start]!)) start++;
  while (end > start && !/[\p{L}\p{N}]/u.test(lines[line]![end - 1]!)) end--;
  return end - start >= 2 ? { lines, q: { line, start, end } } : undefined;
}

const unique = (text: string, quote: string) => {
  const t = normalized(text);
  const q = normalized(quote);
  return t.indexOf(q) >= 0 && t.indexOf(q) === t.lastIndexOf(q);
};

/** Generic quotes of three lengths, and quotes around a number, a name, a date and a verb that can be negated. */
function pickQuotes(lines: string[], rng: Rng): { doc: Doc; needs?: string }[] {
  const text = lines.join('\n');
  const paragraphs = lines.map((l, i) => i).filter((i) => lines[i]!.split(/\s+/).length >= 14);
  const out: { doc: Doc; needs?: string }[] = [];
  const take = (doc: Doc | undefined, needs?: string) => {
    if (!doc) return false;
    const quote = doc.lines[doc.q.line]!.slice(doc.q.start, doc.q.end);
    if (!unique(text, quote) || out.some((o) => o.doc.q.line === doc.q.line && o.needs === needs)) return false;
    out.push({ doc, ...(needs ? { needs } : {}) });
    return true;
  };
  for (const words of [11, 6, 3]) {
    for (let tries = 0; tries < 40; tries++) {
      const line = paragraphs[Math.floor(rng() * paragraphs.length)]!;
      const count = lines[line]!.split(/\s+/).length;
      if (take(quoteIn(lines, line, Math.floor(rng() * Math.max(1, count - words)), words))) break;
    }
  }
  const needs: [string, (w: string) => boolean][] = [
    ['number', isNumber],
    ['name', isName],
    ['date', isDate],
    ['negation', (w) => hasNegationSite(w)],
  ];
  for (const [need, test] of needs) {
    let found = 0;
    for (const line of paragraphs) {
      const tokens = [...lines[line]!.matchAll(/\S+/g)];
      const at = tokens.findIndex((t, i) => i > 0 && test(t[0].replace(/[^\p{L}\p{N}]+$/u, '')));
      if (at < 0) continue;
      if (take(quoteIn(lines, line, Math.max(0, at - 3), 7), need) && ++found >= 3) break;
    }
  }
  return out;
}

/** Seed 004 prints a block of about 2,300 characters twice: quotes in either copy, edits in one. */
function repeatedBlockCases(lines: string[]): BenchCase[] {
  const cases: BenchCase[] = [];
  const copies = lines.map((l, i) => i).filter((i) => lines[i]!.length > 500 && lines.indexOf(lines[i]!) !== i);
  for (const second of copies) {
    const first = lines.indexOf(lines[second]!);
    for (const [cited, other] of [
      [second, first],
      [first, second],
    ] as const) {
      const doc = quoteIn(lines, cited, 20, 9)!;
      const old = assemble(doc);
      const quote = quoteAt(old.text, old.span!.start, old.span!.end);
      const exact = quote.exact;
      const letter = exact.search(/[a-z]{5}/) + 2;
      const edited = exact.slice(0, letter) + (exact[letter] === 'e' ? 'a' : 'e') + exact.slice(letter + 1);
      const variants: [string, Expect, string[], boolean][] = [
        ['one letter changed in the cited copy', 'review', lines.map((l, i) => (i === cited ? l.replace(exact, edited) : l)), false],
        ['one letter changed in the other copy', 'silent', lines.map((l, i) => (i === other ? l.replace(exact, edited) : l)), true],
        ['cited copy deleted', 'lost', lines.filter((_, i) => i !== cited), false],
        ['text inserted before both copies', 'silent', ['A new first line.', ...lines], true],
      ];
      for (const [what, expect, next, keeps] of variants) {
        const shift = what === 'text inserted before both copies' ? 'A new first line.\n'.length : 0;
        cases.push({
          id: `seed 004/repeated block/${cited}/${what}`,
          text: 'seed 004',
          kind: `repeated block: ${what}`,
          expect,
          old: old.text,
          new: next.join('\n'),
          quote,
          target: keeps ? { start: quote.start + shift, end: quote.end + shift } : null,
        });
      }
    }
  }
  return cases;
}

export function benchCases(): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const { name, file } of TEXTS) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const rng = mulberry32(seedOf(name));
    for (const { doc, needs } of pickQuotes(lines, rng)) {
      for (const edit of EDITS) {
        if ((edit.needs ?? undefined) !== (needs as typeof edit.needs)) continue;
        const edited = edit.apply(doc, rng);
        if (!edited) continue;
        const old = assemble(edited.old ?? doc);
        const next = assemble(edited.new);
        if (next.text === old.text) continue;
        cases.push({
          id: `${name}/${doc.q.line}:${doc.q.start}/${edit.kind}`,
          text: name,
          kind: edit.kind,
          expect: edit.expect,
          old: old.text,
          new: next.text,
          quote: quoteAt(old.text, old.span!.start, old.span!.end),
          target: edit.expect === 'silent' || edit.expect === 'silent-or-review' ? next.span : null,
        });
      }
    }
    if (name === 'seed 004') cases.push(...repeatedBlockCases(lines));
  }
  return cases;
}

/** How a decision measures against what the case requires. */
export function judge(c: BenchCase, d: AnchorDecision): Verdict {
  const silent = d.status === 'current' || d.status === 'moved';
  if (silent) {
    const same = normalized(c.new.slice(d.start, d.end)) === normalized(c.quote.exact);
    const atTarget = !!c.target && d.start === c.target.start && d.end === c.target.end;
    return same && atTarget && (c.expect === 'silent' || c.expect === 'silent-or-review') ? 'right' : 'wrong';
  }
  if (c.expect === 'silent') return 'needless';
  if (c.expect === 'lost' && d.status === 'lost') return 'right';
  return 'review';
}

export interface BenchRow {
  kind: string;
  expect: Expect;
  cases: number;
  right: number;
  review: number;
  needless: number;
  wrong: number;
}

export function runBench(cases = benchCases()): { rows: BenchRow[]; total: BenchRow; wrong: { c: BenchCase; d: AnchorDecision }[] } {
  const rows = new Map<string, BenchRow>();
  const total: BenchRow = { kind: 'all', expect: 'silent', cases: 0, right: 0, review: 0, needless: 0, wrong: 0 };
  const wrong: { c: BenchCase; d: AnchorDecision }[] = [];
  for (const c of cases) {
    const d = anchorQuote(new VersionAlignment(c.old, c.new), c.quote);
    const verdict = judge(c, d);
    const row = rows.get(c.kind) ?? { kind: c.kind, expect: c.expect, cases: 0, right: 0, review: 0, needless: 0, wrong: 0 };
    rows.set(c.kind, row);
    for (const r of [row, total]) {
      r.cases++;
      r[verdict]++;
    }
    if (verdict === 'wrong' || (verdict === 'needless' && process.env.BENCH_SHOW_NEEDLESS)) wrong.push({ c, d });
  }
  return { rows: [...rows.values()], total, wrong };
}

const EXPECT_LABEL: Record<Expect, string> = {
  silent: 'may move silently',
  review: 'must go to review',
  lost: 'lost',
  'silent-or-review': 'silently in place, or review',
};

export function benchTable(result: ReturnType<typeof runBench>): string {
  const line = (r: BenchRow, label: string) =>
    `| ${r.kind} | ${label} | ${r.cases} | ${r.right} | ${r.review} | ${r.needless} | ${r.wrong} |`;
  return [
    '| kind of edit | expected | cases | right | sent to review | needlessly sent to review | silently wrong |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...result.rows.map((r) => line(r, EXPECT_LABEL[r.expect])),
    line({ ...result.total, kind: '**all**' }, ''),
  ].join('\n');
}
