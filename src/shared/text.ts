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

// C0 controls but tab and newline, DEL, and C1 controls: they mean nothing in a document's text,
// and in a terminal some of them retitle, clear or rewrite the screen.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_LIKE = /\r\n?|[\u000b\u000c\u0085]/gu;

/** Extracted text and titles as they are stored: line-like controls become newlines, the rest go. */
export function stripControls(text: string): string {
  return text.replace(LINE_LIKE, '\n').replace(CONTROLS, '');
}

/** Also bidirectional overrides and isolates, which can make a terminal show text in another order. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text safe to print to a terminal: every control character (but newline and tab) and every
 * direction override is written as a visible \uXXXX escape. Inside JSON that is also a valid
 * escape, so the same function serves `--json` output.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether a UTF-16 code unit starts a letter of the scripts written without spaces between
 * words: Han (with 々 〆 〇, extension A, the compatibility ideographs, and extensions B–F by their
 * lead surrogates) and kana (half-width too); not the kana block's marks, symbols or
 * punctuation (゛ ・ ゠). Search splits runs of them into pairs of characters; entity linking finds
 * names inside them.
 */
export function isCjkUnit(c: number): boolean {
  if (c < 0x3005) return false;
  return (
    c <= 0x3007 ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x309d && c <= 0x309f) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x30fc && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfa6d) ||
    (c >= 0xfa70 && c <= 0xfad9) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0xd840 && c <= 0xd87f)
  );
}
