/**
 * How search sees text: words are runs of letters and digits (hyphens, slashes and any kind of
 * space separate them, so "Hewlett-Packard" and "Hewlett Packard" read alike), folded to lower
 * case without diacritics, then reduced by a light English stemmer so "raid", "raids" and
 * "raided" meet. Index and query go through the same functions, so the stems only need to agree
 * with each other, not with a dictionary. Offsets always point into the original text.
 */

export interface Token {
  term: string;
  start: number;
  end: number;
}

// A word starts with a letter or digit, so folding never leaves it empty.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u02bc][\p{L}\p{M}]+)*/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019\u02bc]/g;
const DOUBLE_CONSONANT = /([bcdfgkmnprtv])\1$/;

export function foldWord(word: string): string {
  const folded = word.normalize('NFKD').replace(MARKS, '').toLowerCase();
  return folded.replace(/['\u2019\u02bc]s$/, '').replace(APOSTROPHES, '');
}

function stripSuffix(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && word.length > 4 && /(x|ch|sh|ss|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(stem: string): string {
  return DOUBLE_CONSONANT.test(stem) ? stem.slice(0, -1) : stem;
}

/** Folded and stemmed; a final silent "e" goes too so "state", "states" and "stated" agree. */
export function stem(folded: string): string {
  if (/^\d+$/.test(folded)) return folded;
  const stripped = stripSuffix(folded);
  return stripped.length > 3 && stripped.endsWith('e') ? stripped.slice(0, -1) : stripped;
}

// Surface forms repeat endlessly in a corpus; folding and stemming each once saves most of the work.
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string>();

export function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    term = stem(foldWord(word));
    termCache.set(word, term);
  }
  return term;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Start and end of every word, flattened: the offsets `tokenize` would give, without folding. */
export function wordSpans(text: string): Uint32Array {
  const spans: number[] = [];
  for (const match of text.matchAll(WORD)) spans.push(match.index, match.index + match[0].length);
  return Uint32Array.from(spans);
}

/** The words of a text as written, in order: one native scan, folded and stemmed by the caller. */
export function surfaceWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term) out.push(term);
  }
  return out;
}

/** The words of a typed string, folded but not stemmed: prefix matching needs what was typed. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded) out.push(folded);
  }
  return out;
}
