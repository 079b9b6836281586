import fs from 'node:fs';
import path from 'node:path';
import CSL, { type Engine } from 'citeproc';
import type { CitationStyle, StyledRun } from '../../../shared/export';
import type { SourceMetadata } from '../../../shared/domain';
import { webAddress } from '../../../shared/url';

export const STYLE_FILES: Record<CitationStyle, string> = {
  chicago: 'chicago-note-bibliography.csl',
  apa: 'apa.csl',
  mla: 'modern-language-association.csl',
  harvard: 'harvard-cite-them-right.csl',
};
const LOCALE_FILE = 'locales-en-US.xml';

/**
 * Chicago's current note style gives short notes and leaves the details to the bibliography; a
 * report without one needs the full-note variant or its notes would not identify the sources.
 */
export function styleFileFor(style: CitationStyle, includeBibliography: boolean): string {
  return style === 'chicago' && !includeBibliography ? 'chicago-fullnote-bibliography.csl' : STYLE_FILES[style];
}

/** What citeproc-js needs to know about a source, in CSL-JSON. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] } | { literal: string };
  accessed?: { 'date-parts': number[][] };
  publisher?: string;
  URL?: string;
  note?: string;
}

/**
 * citeproc-js reads a handful of HTML-like tags inside field values as formatting (<i>, <b>, <sc>,
 * <span class="nocase">…). A title such as "<i>x</i>" must print as typed, so angle brackets travel
 * through citeproc as private-use characters and are restored in the parsed runs.
 */
const LT = '\uE000';
const GT = '\uE001';
const shield = (s: string) => s.replace(/</g, LT).replace(/>/g, GT);
const unshield = (s: string) => s.replace(/\uE000/g, '<').replace(/\uE001/g, '>');

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Splits "Given Family" the way bibliographies list people; organisations stay whole. */
export function cslName(name: string): { family: string; given?: string } | { literal: string } {
  const trimmed = name.trim();
  const words = trimmed.split(/\s+/);
  const looksLikePerson =
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) &&
    !/\b(team|staff|office|ministry|agency|institute|department|editors?|news|press|group|association|university)\b/i.test(trimmed);
  if (!looksLikePerson) return { literal: shield(trimmed) };
  return { family: shield(words.at(-1)!), given: shield(words.slice(0, -1).join(' ')) };
}

export function cslDate(issued: string | null): CslItem['issued'] | undefined {
  if (!issued || !issued.trim()) return undefined;
  const m = ISO_DATE.exec(issued.trim());
  if (!m) return { literal: shield(issued.trim()) };
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)] };
}

/** The source as CSL-JSON; absent metadata is left out, never written as "undefined" or "unknown". */
export function toCslItem(
  id: string,
  metadata: SourceMetadata,
  options: { mediaType?: string; shielded?: boolean; accessed?: string | null } = {},
): CslItem {
  const s = options.shielded === false ? (x: string) => x : shield;
  const item: CslItem = { id, type: options.mediaType === 'application/pdf' ? 'document' : 'webpage' };
  item.title = s(metadata.title?.trim() || 'Untitled source');
  const authors = metadata.authors.map((a) => a.trim()).filter(Boolean);
  if (authors.length) {
    item.author = authors.map((a) => {
      const name = cslName(a);
      if (options.shielded !== false) return name;
      return 'literal' in name
        ? { literal: unshield(name.literal) }
        : { family: unshield(name.family), ...(name.given ? { given: unshield(name.given) } : {}) };
    });
  }
  const issued = cslDate(metadata.issued);
  if (issued) item.issued = 'literal' in issued && options.shielded === false ? { literal: unshield(issued.literal) } : issued;
  if (metadata.publisher?.trim()) item.publisher = s(metadata.publisher.trim());
  // Checked again on the way out: an address stored before validation existed never leaves as a javascript: link.
  const url = webAddress(metadata.url);
  if (url) item.URL = url;
  const accessed = cslDate(options.accessed?.slice(0, 10) ?? null);
  if (accessed && 'date-parts' in accessed) item.accessed = accessed;
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

interface CachedEngine {
  engine: Engine;
  items: Map<string, CslItem>;
}

/**
 * Building an engine costs up to a second for large styles (APA), so one engine per style is kept
 * and reset for each export; item ids carry a per-run prefix so no stale metadata is ever reused.
 */
const engines = new Map<string, CachedEngine>();
let runCounter = 0;

export function styleEngine(resourcesDir: string, styleFile: string): CachedEngine & { prefix: string } {
  const key = `${resourcesDir}\u0000${styleFile}`;
  let cached = engines.get(key);
  if (!cached) {
    const cslDir = path.join(resourcesDir, 'csl');
    const read = (file: string) => {
      try {
        return fs.readFileSync(path.join(cslDir, file), 'utf8');
      } catch {
        throw new Error(`The citation style file ${path.join(cslDir, file)} is missing: reinstall Sourcebook.`);
      }
    };
    const locale = read(LOCALE_FILE);
    const items = new Map<string, CslItem>();
    const engine = new CSL.Engine(
      {
        retrieveLocale: (lang) => (lang === 'en-US' || lang === 'en' ? locale : undefined),
        retrieveItem: (id) => {
          const item = items.get(id);
          if (!item) throw new Error(`citeproc asked for an unknown item ${id}.`);
          return item as unknown as Record<string, unknown>;
        },
      },
      read(styleFile),
      'en-US',
      true,
    );
    engine.setOutputFormat('html');
    cached = { engine, items };
    engines.set(key, cached);
  }
  runCounter += 1;
  cached.items.clear();
  return { ...cached, prefix: `r${runCounter}-` };
}
