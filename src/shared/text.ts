/**
 * Whitespace normalisation shared by seeding, import and tests. The seed texts contain
 * non-breaking spaces and stray runs of blanks; readers and search should see single spaces,
 * while offsets keep pointing into the original text.
 */
const WHITESPACE_RUN = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;

export function normalizeWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/** Case- and accent-insensitive key, for matching aliases and names as people type them. */
export function foldForMatch(text: string): string {
  return normalizeWhitespace(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
