/**
 * How search sees text: words are runs of letters and digits (hyphens, slashes and any kind of
 * space separate them, so "Hewlett-Packard" and "Hewlett Packard" read alike), folded to lower
 * case without diacritics. The index keeps these surface words; word forms (stems) are a lookup
 * from a typed word to the surface words sharing its stem (stemming.ts), so prefixes and typos
 * are always matched against words as written. Offsets always point into the original text.
 *
 * Chinese and Japanese are written without spaces: a run of Han or kana becomes its overlapping
 * pairs of characters (国家安全部 → 国家 家安 安全 全部), as Lucene's CJK analyzer and SQLite's
 * trigram tokenizer do, so any word inside a run is found (a typed run is searched as the phrase
 * of its pairs, query.ts). A lone character stays one word.
 *
 * Thai, Lao, Burmese and Khmer are written without spaces too, but split into their words by ICU's
 * dictionaries (shared/dictionaryScripts.ts), and keep their marks (ไม้ is not ไม่). A typed run
 * splits the same way, into words searched as any typed words are, the last one completed.
 */

import { toSimplified } from '../../../shared/chineseVariants';
import { dictionaryWordSpans, hasDictionaryScript, isDictionaryScriptUnit } from '../../../shared/dictionaryScripts';
import { isCjkUnit } from '../../../shared/text';

// A word starts with a letter or digit, so folding never leaves it empty.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u02bc][\p{L}\p{M}]+)*/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019\u02bc]/g;
const POSSESSIVE = /['\u2019\u02bc]s$/;

export function foldWord(word: string): string {
  // Han and kana keep their marks (ド is not ト); NFKC still makes half-width kana full-width;
  // traditional characters are read as simplified (國 as 国).
  const first = word.charCodeAt(0);
  if (isCjkUnit(first)) return toSimplified(word.normalize('NFKC'));
  if (isDictionaryScriptUnit(first)) return word.normalize('NFC');
  const folded = word.normalize('NFKD').replace(MARKS, '').toLowerCase();
  return folded.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
}

/** foldWord with a fast path for plain ASCII words, which need no normalising. */
export function folded(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 122 || (c < 97 && !(c >= 48 && c <= 57) && !(c >= 65 && c <= 90))) return foldWord(word);
  }
  return word.toLowerCase();
}

/** True when a written word starts with a lower-case letter (names rarely do). */
export function startsLower(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const first = word[0]!;
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;
const AFTER_APOSTROPHE = /[\p{L}\p{M}]/u;

/**
 * The three classes for every code point below U+0370 (ASCII, Latin-1, Latin Extended, the
 * combining marks), worked out once from the classes themselves: accented Latin letters then cost
 * a table read, not a substring and a regular expression test each.
 */
const TABLE_END = 0x370;
const LETTER_OR_NUMBER_BIT = 1;
const WORD_PART_BIT = 2;
const AFTER_APOSTROPHE_BIT = 4;
const CLASS_TABLE = new Uint8Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  CLASS_TABLE[c] =
    (LETTER_OR_NUMBER.test(ch) ? LETTER_OR_NUMBER_BIT : 0) |
    (WORD_PART.test(ch) ? WORD_PART_BIT : 0) |
    (AFTER_APOSTROPHE.test(ch) ? AFTER_APOSTROPHE_BIT : 0);
}

/** Whether the code point at `i` belongs to `cls` (its width is 1, or 2 for a surrogate pair). */
function isClass(text: string, i: number, cls: RegExp, bit: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLE_END) return CLASS_TABLE[c]! & bit ? 1 : 0;
  // Han and kana in the Basic Multilingual Plane are letters (〇 a letter-like number): no pattern test.
  if (c >= CJK_FIRST && c < 0xd800 && bit !== AFTER_APOSTROPHE_BIT && isCjkUnit(c)) return 1;
  const cp = text.codePointAt(i)!;
  const width = cp > 0xffff ? 2 : 1;
  return cls.test(text.slice(i, i + width)) ? width : 0;
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x02bc;
}

let spanBuffer = new Uint32Array(2048);

/**
 * Finds the words of a text (the same words as WORD finds) by a scan of character codes: a
 * regular expression with Unicode classes costs a match object and a string per word, and the
 * index is built from millions of words. Fills a buffer shared by every call with start and end
 * of each word, flattened; returns it with the number of words. tests/unit/search/text.test.ts
 * holds the scan and the pattern equal.
 */
export function scanWords(text: string, maxWords = Infinity): { spans: Uint32Array; count: number } {
  const n = text.length;
  let spans = spanBuffer;
  let count = 0;
  let i = 0;
  // Characters below U+0370 (nearly all of most texts) are classed by a table read in the loops
  // themselves; isClass is called only for the rest.
  while (i < n && count < maxWords) {
    const c = text.charCodeAt(i);
    let first: number;
    if (c < TABLE_END) first = CLASS_TABLE[c]! & LETTER_OR_NUMBER_BIT;
    else first = isClass(text, i, LETTER_OR_NUMBER, LETTER_OR_NUMBER_BIT);
    if (first === 0) {
      i += c >= 0xd800 && c <= 0xdbff && text.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += first;
    // Whether the word may hold Han or kana (only characters from U+3005 on can), or Thai, Lao,
    // Burmese or Khmer (only characters from U+0E01 on can).
    let wide = c >= CJK_FIRST;
    let spaceless = c >= DICTIONARY_FIRST;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < TABLE_END) {
        if ((CLASS_TABLE[d]! & WORD_PART_BIT) === 0) break;
        i++;
        continue;
      }
      const w = isClass(text, i, WORD_PART, WORD_PART_BIT);
      if (w === 0) break;
      if (d >= CJK_FIRST) wide = true;
      if (d >= DICTIONARY_FIRST) spaceless = true;
      i += w;
    }
    while (i + 1 < n && isApostrophe(text.charCodeAt(i))) {
      let j = i + 1;
      for (let w; j < n && (w = isClass(text, j, AFTER_APOSTROPHE, AFTER_APOSTROPHE_BIT)) > 0;) j += w;
      if (j === i + 1) break;
      wide ||= hasCjk(text, i, j);
      spaceless ||= hasDictionaryScript(text, i, j);
      i = j;
    }
    const cjk = wide && hasCjk(text, start, i);
    const dictionary = spaceless && hasDictionaryScript(text, start, i);
    if (!cjk && !dictionary) {
      if (count * 2 + 2 > spans.length) spans = spanBuffer = grown(spans);
      spans[count * 2] = start;
      spans[count * 2 + 1] = i;
      count++;
      continue;
    }
    const pieces = splitSpaceless(text, start, i, cjk, dictionary);
    for (let k = 0; k < pieces.length && count < maxWords; k += 2) {
      if (count * 2 + 2 > spans.length) spans = spanBuffer = grown(spans);
      spans[count * 2] = pieces[k]!;
      spans[count * 2 + 1] = pieces[k + 1]!;
      count++;
    }
  }
  return { spans, count };
}

function grown(spans: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(spans.length * 2);
  bigger.set(spans);
  return bigger;
}

const MARK = /^\p{M}$/u;
/** The first code unit of the scripts written without spaces (々, U+3005). */
const CJK_FIRST = 0x3005;
/** The first code unit of Thai, Lao, Burmese and Khmer (ก, U+0E01). */
const DICTIONARY_FIRST = 0x0e01;

/**
 * A word holding Han or kana, or Thai, Lao, Burmese or Khmer, as its words: Han and kana as pairs
 * (splitCjk), runs of the others as ICU's dictionaries split them, anything else between (a Latin
 * word written against them, "MSSของ", which ICU would keep whole) as it is.
 */
function splitSpaceless(text: string, start: number, end: number, cjk: boolean, dictionary: boolean): number[] {
  const pieces = cjk ? splitCjk(text, start, end) : [start, end];
  if (!dictionary) return pieces;
  const out: number[] = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const from = pieces[k]!;
    const to = pieces[k + 1]!;
    if (hasCjk(text, from, to)) {
      out.push(from, to);
      continue;
    }
    for (let i = from; i < to;) {
      const runStart = i;
      const inScript = isDictionaryScriptUnit(text.charCodeAt(i));
      while (i < to && isDictionaryScriptUnit(text.charCodeAt(i)) === inScript) i++;
      if (inScript) for (const offset of dictionaryWordSpans(text, runStart, i)) out.push(offset);
      else if (STARTS_WORD.test(text.slice(runStart, runStart + 2))) out.push(runStart, i);
    }
  }
  return out;
}
const STARTS_WORD = /^[\p{L}\p{N}]/u;

function hasCjk(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= CJK_FIRST && isCjkUnit(c)) return true;
  }
  return false;
}

/**
 * A word holding Han or kana, as words: each run of those characters as its overlapping pairs
 * (one word when the run is one character), the rest of the word (Latin letters, digits) as
 * it is. Start and end offsets, flattened.
 */
function splitCjk(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  const starts = cjkStarts;
  let i = start;
  while (i < end) {
    const from = i;
    if (!isCjkUnit(text.charCodeAt(i))) {
      while (i < end && !isCjkUnit(text.charCodeAt(i))) i += widthAt(text, i);
      out.push(from, i);
      continue;
    }
    starts.length = 0;
    while (i < end && isCjkUnit(text.charCodeAt(i))) {
      starts.push(i);
      i += widthAt(text, i);
      // Marks written apart belong to the character before them.
      while (i < end && isMarkAt(text, i)) i += widthAt(text, i);
    }
    if (starts.length === 1) out.push(from, i);
    for (let k = 0; k + 1 < starts.length; k++) out.push(starts[k]!, k + 2 < starts.length ? starts[k + 2]! : i);
  }
  return out;
}
const cjkStarts: number[] = [];

function widthAt(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/**
 * Whether a combining mark is at `i` (none is below U+0300, and no Han or kana character is one),
 * or a half-width voicing mark (ﾞ ﾟ), which NFKC joins to the kana before it.
 */
function isMarkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xff9e || c === 0xff9f) return true;
  if (c < 0x300 || isCjkUnit(c)) return false;
  return MARK.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Start and end of every word (at most `maxWords`), flattened. */
export function wordSpans(text: string, maxWords = Infinity): Uint32Array {
  const { spans, count } = scanWords(text, maxWords);
  return spans.slice(0, count * 2);
}

/** wordSpans by the regular expression itself (runs without spaces split alike): the reference the scan is tested against. */
export function wordSpansByPattern(text: string): Uint32Array {
  const spans: number[] = [];
  for (const match of text.matchAll(WORD)) {
    const end = match.index + match[0].length;
    const cjk = hasCjk(text, match.index, end);
    const dictionary = hasDictionaryScript(text, match.index, end);
    if (cjk || dictionary) for (const offset of splitSpaceless(text, match.index, end, cjk, dictionary)) spans.push(offset);
    else spans.push(match.index, end);
  }
  return Uint32Array.from(spans);
}

/** The words of a text as written, in order (the words the index counts), folded by the caller. */
export function surfaceWords(text: string): string[] {
  const { spans, count } = scanWords(text);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(text.slice(spans[i * 2]!, spans[i * 2 + 1]!));
  return out;
}

/** The words of a typed string, folded. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const word of surfaceWords(text)) {
    const f = foldWord(word);
    if (f) out.push(f);
  }
  return out;
}

/** Whether a typed word holds Han or kana (so is searched as the phrase of its pairs). */
export function isCjkWord(word: string): boolean {
  return hasCjk(word, 0, word.length);
}
