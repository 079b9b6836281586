import type { EntityType } from '../../../shared/domain';
import { toSimplified } from '../../../shared/chineseVariants';
import { hasDictionaryScript, isDictionaryScriptUnit, isDictionaryWordBoundary } from '../../../shared/dictionaryScripts';
import { foldForMatch, isCjkUnit, normalizeWhitespace } from '../../../shared/text';

export interface LinkableAlias {
  entityId: string;
  alias: string;
  exactCase: boolean;
  /** '' for everywhere, otherwise the only source id where this alias may link. */
  scope: string;
  /** Laws and events are often named in lower case ("the counterespionage law"): their capitals carry no meaning. */
  entityType?: EntityType;
}

export interface Link {
  entityId: string;
  start: number;
  end: number;
  surface: string;
}

/** A found span and the alias that found it, before any decision about the document. */
export interface Match<A extends LinkableAlias = LinkableAlias> extends Link {
  alias: A;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Acronyms like MSS or U.S. would collide with ordinary words if matched without case. */
export function needsExactCase(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Hyphens and spaces are interchangeable for linking: "Hewlett Packard" is "Hewlett-Packard"; and
 * traditional Chinese characters are their simplified forms (國 is 国), one for one, so offsets
 * still map back. (Not in `foldForMatch`, whose keys are stored with each alias.)
 */
function linkKey(text: string, exactCase: boolean): string {
  const folded = exactCase ? text.normalize('NFC') : hasDictionaryScript(text) ? foldKeepingMarks(text) : toSimplified(foldForMatch(text));
  return folded.replace(/[-\u2010-\u2015]/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** foldForMatch, but Thai, Lao, Burmese and Khmer keep their marks: ไม้ (wood) is not ไม่ (not). */
function foldKeepingMarks(text: string): string {
  let out = '';
  for (const char of normalizeWhitespace(text)) {
    out += char === ' ' || isDictionaryScriptUnit(char.charCodeAt(0)) ? char : toSimplified(foldForMatch(char));
  }
  return out;
}

/**
 * Folds a passage one character at a time so each folded character maps back to an offset in
 * the original; whole-string folding would shift offsets wherever a character decomposes.
 */
/** Per-character folds repeat endlessly in real text; caching them makes linking ~10× faster on long imports. */
const FOLD_CACHE = [new Map<string, string>(), new Map<string, string>()] as const;

function foldChar(char: string, exactCase: boolean): string {
  const cache = FOLD_CACHE[exactCase ? 1 : 0];
  let piece = cache.get(char);
  if (piece === undefined) {
    piece = /\s/u.test(char) ? ' ' : linkKey(char, exactCase);
    if (cache.size < 65_536) cache.set(char, piece);
  }
  return piece;
}

/** Printable ASCII other than space and "-" folds to itself (lower-cased): such runs are copied whole. */
const PLAIN_ASCII_RUN = /[\x21-\x2c\x2e-\x7e]+/y;

function foldWithOffsets(text: string, exactCase: boolean): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length;) {
    PLAIN_ASCII_RUN.lastIndex = i;
    const run = PLAIN_ASCII_RUN.exec(text)?.[0];
    if (run) {
      folded += exactCase ? run : run.toLowerCase();
      for (let k = 0; k < run.length; k++) offsets.push(i + k);
      i += run.length;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    const char = String.fromCodePoint(codePoint);
    const isSpace = /\s/u.test(char);
    if (isSpace && folded.endsWith(' ')) {
      i += char.length;
      continue;
    }
    const piece = foldChar(char, exactCase);
    for (let k = 0; k < piece.length; k++) offsets.push(i);
    folded += piece;
    i += char.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

/**
 * Whether a match may start or end between `outside` and `inside` (the match's own character).
 * Chinese and Japanese put no spaces between words: next to their characters every place is a
 * boundary, so "国家安全部" is found in "中华人民共和国国家安全部" and "MSS" in "MSS称". Thai, Lao,
 * Burmese and Khmer put none either, but their words are longer and a mark belongs to the letter
 * before it: next to their characters a place is a boundary where ICU's dictionaries put one
 * between words, so "หวังอี้" is found in "นายหวังอี้กล่าว" but "รัฐ" (state) not in "รัฐบาล" (government).
 */
function isBoundary(text: string, outside: number, inside: number): boolean {
  if (outside < 0 || outside >= text.length) return true;
  const out = text.charCodeAt(outside);
  const own = text.charCodeAt(inside);
  const outInScript = isDictionaryScriptUnit(out);
  // Where the script changes ("MSSของ") words part, as search splits them, though ICU keeps such a run whole.
  if (outInScript !== isDictionaryScriptUnit(own)) return true;
  if (outInScript) return isDictionaryWordBoundary(text, Math.max(outside, inside));
  if (!WORD_CHAR.test(text[outside]!)) return true;
  return isCjkUnit(out) || isCjkUnit(own);
}

/**
 * After a match: "Xi'an" is not "Xi" and "US$" is a currency, while "Xi's" and "MSS’s" are possessives.
 */
function endsCleanly(text: string, end: number): boolean {
  const next = text[end];
  if (next === '$') return false;
  if (next === "'" || next === '\u2019')
    return !/^\p{L}/u.test(text.slice(end + 1, end + 2)) || /^[sS](?![\p{L}\p{N}])/u.test(text.slice(end + 1, end + 3));
  return true;
}

const WORDS = /[\p{L}\p{N}]+/gu;
const stripMarks = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '');
const isAllCaps = (word: string) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();

/**
 * Case carries meaning: a capitalised alias word matches only the same capitals ("Apple" is not
 * "apple pie", "MSS" is not "Mss"), or the word in capitals where official style writes family
 * names so ("XI Jinping", "MAO Zedong"); a lower-case alias word matches any case ("anti-espionage
 * law" in a title). exactCase aliases match only as written.
 */
export function caseCompatible(alias: string, surface: string, exactCase: boolean): boolean {
  const want = stripMarks(alias).match(WORDS) ?? [];
  const got = stripMarks(surface).match(WORDS) ?? [];
  if (want.length !== got.length) return exactCase ? false : want.join('').toLowerCase() === got.join('').toLowerCase();
  const capsAllowed = !exactCase && (want.length > 1 || (want[0]?.length ?? 0) >= 4) && !isAllCaps(alias.replace(/[^\p{L}]/gu, ''));
  return want.every((w, i) => {
    const g = got[i]!;
    if (w === g) return true;
    if (exactCase) return false;
    if (w === w.toLowerCase()) return true;
    return capsAllowed && isAllCaps(g) && g === w.toUpperCase();
  });
}

export interface Linker<A extends LinkableAlias = LinkableAlias> {
  /** Every span an alias matches, overlaps resolved: the longest wins, then a scoped alias over a global one. */
  matches(text: string, sourceId: string): Match<A>[];
  link(text: string, sourceId: string): Link[];
}

/**
 * Finds alias mentions with word boundaries, longest match first; where two aliases overlap, the
 * longer wins ("President Xi" over "Xi"), and a document-scoped alias beats a global one.
 */
export function createLinker<A extends LinkableAlias>(aliases: readonly A[]): Linker<A> {
  const prepared = aliases
    .map((a) => {
      const exactCase = a.exactCase || needsExactCase(a.alias);
      const caseMatters = exactCase || (a.entityType !== 'law' && a.entityType !== 'event');
      return { entityId: a.entityId, scope: a.scope, exactCase, caseMatters, key: linkKey(a.alias, exactCase), source: a };
    })
    .filter((a) => a.key.trim().length > 0)
    .sort((a, b) => b.key.length - a.key.length || (a.scope === '' ? 1 : 0) - (b.scope === '' ? 1 : 0));

  const matches = (text: string, sourceId: string): Match<A>[] => {
    const views = { exact: foldWithOffsets(text, true), folded: foldWithOffsets(text, false) };
    const candidates: (Match<A> & { priority: number })[] = [];
    prepared.forEach((alias, priority) => {
      if (alias.scope !== '' && alias.scope !== sourceId) return;
      const view = alias.exactCase ? views.exact : views.folded;
      for (let at = view.folded.indexOf(alias.key); at !== -1; at = view.folded.indexOf(alias.key, at + 1)) {
        const endAt = at + alias.key.length;
        const start = view.offsets[at]!;
        const end = view.offsets[endAt]!;
        if (!isBoundary(text, start - 1, start) || !isBoundary(text, end, end - 1) || !endsCleanly(text, end)) continue;
        const surface = text.slice(start, end);
        if (alias.caseMatters && !caseCompatible(alias.source.alias, surface, alias.source.exactCase)) continue;
        candidates.push({ entityId: alias.entityId, start, end, surface, alias: alias.source, priority });
      }
    });
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
    const taken: Match<A>[] = [];
    for (const c of candidates) {
      if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
      taken.push({ entityId: c.entityId, start: c.start, end: c.end, surface: c.surface, alias: c.alias });
    }
    return taken.sort((a, b) => a.start - b.start);
  };
  return {
    matches,
    link: (text, sourceId) => matches(text, sourceId).map(({ entityId, start, end, surface }) => ({ entityId, start, end, surface })),
  };
}
