import { isCjkUnit } from './text';

/**
 * Thai, Lao, Burmese and Khmer are written without spaces between words, like Chinese, but their
 * words are not one or two characters: pairs of characters would be meaningless and a mark can
 * change a word. Their words are found as ICU finds them, by its dictionaries, through
 * `Intl.Segmenter` (in Node and every browser; nothing to ship). Where a dictionary is missing
 * (this Node's ICU has none for Lao) a run stays one word, as before.
 */

/** Whether a UTF-16 code unit belongs to Thai, Lao, Myanmar (with its extensions) or Khmer (with its symbols). */
export function isDictionaryScriptUnit(c: number): boolean {
  if (c < 0x0e01) return false;
  return (
    c <= 0x0eff ||
    (c >= 0x1000 && c <= 0x109f) ||
    (c >= 0x1780 && c <= 0x17ff) ||
    (c >= 0x19e0 && c <= 0x19ff) ||
    (c >= 0xa9e0 && c <= 0xa9ff) ||
    (c >= 0xaa60 && c <= 0xaa7f)
  );
}

/** Whether any code unit of text[start, end) belongs to those scripts. */
export function hasDictionaryScript(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) if (isDictionaryScriptUnit(text.charCodeAt(i))) return true;
  return false;
}

let segmenter: Intl.Segmenter | null = null;
// The dictionaries follow the script, not the locale: one segmenter serves every language.
const words = () => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));

/** The words of text[start, end), as ICU's dictionaries find them: start and end offsets into `text`, flattened. */
export function dictionaryWordSpans(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (const piece of words().segment(text.slice(start, end))) {
    if (piece.isWordLike) out.push(start + piece.index, start + piece.index + piece.segment.length);
  }
  return out;
}

/** Whether the text holds a letter of any script written without spaces between words (these, Han, kana). */
export function hasSpacelessScript(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDictionaryScriptUnit(c) || isCjkUnit(c)) return true;
  }
  return false;
}

/** How many words the text holds, as ICU finds them (by its dictionaries where no spaces part them). */
export function countWords(text: string): number {
  let count = 0;
  for (const piece of words().segment(text)) if (piece.isWordLike) count++;
  return count;
}

let lastText: string | null = null;
let lastBoundaries = new Set<number>();

/**
 * Whether `at` is a place between two words of `text` (or its start or end) as ICU's dictionaries
 * see it. Entity linking asks this for many names in one passage in turn: the last passage's
 * places are kept.
 */
export function isDictionaryWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  if (text !== lastText) {
    lastBoundaries = new Set<number>();
    for (const piece of words().segment(text)) lastBoundaries.add(piece.index);
    lastText = text;
  }
  return lastBoundaries.has(at);
}
