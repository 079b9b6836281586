import type { StyledRun } from '../../../shared/export';
import type { CitableWork, WorkDate, WorkName } from './work';

/** What citeproc-js reads about a source, in CSL-JSON (the subset Sourcebook writes). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'title-short'?: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] } | { literal: string };
  accessed?: { 'date-parts': number[][] } | { literal: string };
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  URL?: string;
  DOI?: string;
  ISSN?: string;
  ISBN?: string;
  volume?: string;
  issue?: string;
  page?: string;
  keyword?: string;
}

/** A name as CSL-JSON writes it (`static-ordering` keeps a family-first name in that order). */
export type CslName = { literal: string } | (Omit<Extract<WorkName, { family: string }>, 'familyFirst'> & { 'static-ordering'?: boolean });

/**
 * citeproc-js reads a handful of HTML-like tags inside field values as formatting (<i>, <b>, <sc>,
 * <span class="nocase">…). A title such as "<i>x</i>" must print as typed, so angle brackets travel
 * through citeproc as private-use characters and are restored in the parsed runs.
 */
const LT = '\uE000';
const GT = '\uE001';
export const shield = (s: string) => s.replace(/</g, LT).replace(/>/g, GT);
const unshield = (s: string) => s.replace(/\uE000/g, '<').replace(/\uE001/g, '>');

export function cslDate(date: WorkDate | null): CslItem['issued'] | undefined {
  if (!date) return undefined;
  return 'literal' in date ? { literal: date.literal } : { 'date-parts': [[...date.parts]] };
}

export interface CslItemOptions {
  /** Shield markup for citeproc and give an untitled work a visible title (false: a file for other programs). */
  forEngine?: boolean;
  /**
   * Print family-first names in their own order, uninverted ("Xie Maosong"), as CMOS 8.14 and
   * MLA do for Chinese, Korean and Vietnamese names; styles that print initials (APA, Harvard)
   * invert them like any name ("Xie, M.").
   */
  keepNameOrder?: boolean;
}

function cslName(name: WorkName, s: (x: string) => string, keepNameOrder: boolean): CslName {
  if ('literal' in name) return { literal: s(name.literal) };
  const { familyFirst, ...parts } = name;
  const out = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, s(v as string)])) as CslName;
  return familyFirst && keepNameOrder ? { ...out, 'static-ordering': true } : out;
}

/**
 * The work as CSL-JSON; absent metadata is left out, never written as "undefined" or "unknown".
 * For the engine, markup is shielded and an untitled work gets a visible title; files for other
 * programs (CSL-JSON export) carry the values exactly as stored.
 */
export function toCslItem(work: CitableWork, { forEngine = true, keepNameOrder = false }: CslItemOptions = {}): CslItem {
  const s = forEngine ? shield : (x: string) => x;
  const item: CslItem = { id: work.id, type: work.type };
  const title = work.title ?? (forEngine ? 'Untitled source' : null);
  if (title) item.title = s(title);
  if (work.titleShort) item['title-short'] = s(work.titleShort);
  if (work.authors.length) item.author = work.authors.map((n) => cslName(n, s, keepNameOrder && forEngine));
  const issued = cslDate(work.issued);
  if (issued) item.issued = 'literal' in issued ? { literal: s(issued.literal) } : issued;
  const accessed = cslDate(work.accessed);
  if (accessed) item.accessed = accessed;
  if (work.containerTitle) item['container-title'] = s(work.containerTitle);
  if (work.publisher) item.publisher = s(work.publisher);
  if (work.publisherPlace) item['publisher-place'] = s(work.publisherPlace);
  if (work.url) item.URL = work.url;
  if (work.doi) item.DOI = work.doi;
  if (work.issn) item.ISSN = s(work.issn);
  if (work.isbn) item.ISBN = s(work.isbn);
  if (work.volume) item.volume = s(work.volume);
  if (work.issue) item.issue = s(work.issue);
  if (work.page) item.page = s(work.page);
  // Tags travel in files for other programs (Zotero reads CSL-JSON's keyword as its tags); no style prints them.
  if (!forEngine && work.keywords.length) item.keyword = work.keywords.join(', ');
  return item;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

type RunStyle = Omit<StyledRun, 'text'>;

/**
 * citeproc's HTML output is a small closed vocabulary (i, b, sup, sub, span style, div) with
 * escaped text, so it parses into runs that every format renders natively, with text as text.
 */
export function htmlToRuns(html: string): StyledRun[] {
  const runs: StyledRun[] = [];
  const stack: RunStyle[] = [{}];
  const tagPattern = /<(\/?)([a-z]+)([^>]*)>/gi;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const style = stack.at(-1)!;
    const decoded = unshield(decodeEntities(text));
    const prev = runs.at(-1);
    if (prev && sameStyle(prev, style)) prev.text += decoded;
    else runs.push({ text: decoded, ...style });
  };
  for (let m = tagPattern.exec(html); m; m = tagPattern.exec(html)) {
    push(html.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, tag, attrs] = m;
    const name = tag!.toLowerCase();
    if (name === 'br') continue;
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (attrs!.trim().endsWith('/')) continue;
    const top = { ...stack.at(-1)! };
    if (name === 'i' || name === 'em') top.italic = true;
    else if (name === 'b' || name === 'strong') top.bold = true;
    else if (name === 'sup') top.superscript = true;
    else if (name === 'sub') top.subscript = true;
    else if (name === 'span') {
      if (/font-style:\s*normal/.test(attrs!)) top.italic = false;
      if (/font-style:\s*italic/.test(attrs!)) top.italic = true;
      if (/font-weight:\s*normal/.test(attrs!)) top.bold = false;
      if (/font-weight:\s*bold/.test(attrs!)) top.bold = true;
      if (/font-variant:\s*small-caps/.test(attrs!)) top.smallCaps = true;
      if (/font-variant:\s*normal/.test(attrs!)) top.smallCaps = false;
    }
    stack.push(top);
  }
  push(html.slice(last));
  return runs
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => k === 'text' || v === true)) as StyledRun)
    .filter((r) => r.text.length > 0);
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return (
    !!a.italic === !!b.italic &&
    !!a.bold === !!b.bold &&
    !!a.smallCaps === !!b.smallCaps &&
    !!a.superscript === !!b.superscript &&
    !!a.subscript === !!b.subscript &&
    !a.code &&
    !b.code
  );
}

export function runsToPlainText(runs: StyledRun[]): string {
  return runs.map((r) => r.text).join('');
}
