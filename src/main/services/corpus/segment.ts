import type { PassageKind } from '../../../shared/domain';
import { countWords, hasSpacelessScript } from '../../../shared/dictionaryScripts';
import { normalizeWhitespace } from '../../../shared/text';
import type { NewPassage } from '../store/repositories/passages';
import { nodeCrypto } from '../nodeCrypto';

/**
 * Lines that web captures drag along but no reader wants: share buttons, counters, comment
 * stubs, "latest" rails and stray bullets. They are matched on the whitespace-normalised line.
 */
const FURNITURE: readonly RegExp[] = [
  /^spread the love$/i,
  /^web hit counter$/i,
  /^comments( are closed\.?)?$/i,
  /^(latest|more from me|related( articles)?|advertisement|share( this)?( article)?:?)$/i,
  /^[*•·\-–—]+$/,
  /^article was originally published from here\.?$/i,
  /^\d+ min(ute)? read$/i,
];

const BULLET = /^[•·▪●◦*\-–]\s+/u;
const BYLINE = /^(researcher|by|author|written by)\s*:?\s+\S/i;
// Sentence ends of every script (。！？ ។ ။ ...), closing quotes and brackets, and the pauses a
// heading does not end on (the full-width and ideographic ones too).
const TERMINAL_PUNCTUATION = /[\p{Sentence_Terminal};:,"”’)\]…\p{Pe}\p{Pf}\u3001\uff0c\uff1a\uff1b]$/u;

/** Per-document corrections that only a reader of that document can make (curated for the seeds). */
export interface DocumentLayout {
  /** Line prefixes to leave out, such as related-article headlines mixed into the body. */
  drop?: string[];
  /** Line prefixes that are image captions, kept but shown as captions. */
  captions?: string[];
  /** Line prefixes that are author or date lines. */
  bylines?: string[];
}

export function isFurniture(normalizedLine: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(normalizedLine));
}

function startsWithAny(line: string, prefixes: readonly string[] | undefined): boolean {
  return !!prefixes?.some((prefix) => line.startsWith(normalizeWhitespace(prefix)));
}

function looksLikeHeading(line: string): boolean {
  // Chinese, Japanese, Thai and the like put no spaces between words: their words are counted as ICU finds them.
  const words = hasSpacelessScript(line) ? countWords(line) : line.split(' ').length;
  return line.length <= 90 && words <= 12 && !TERMINAL_PUNCTUATION.test(line) && !/^[a-z]/.test(line);
}

export function passageAnchor(text: string, seen: Map<string, number>): string {
  const digest = nodeCrypto().createHash('sha256').update(text).digest('hex').slice(0, 12);
  const repeat = seen.get(digest) ?? 0;
  seen.set(digest, repeat + 1);
  return repeat === 0 ? `p-${digest}` : `p-${digest}-${repeat}`;
}

const LEADING_SPACE = /^[\s\u00a0\u202f\ufeff]+/u;
const TRAILING_SPACE = /[\s\u00a0\u202f\ufeff]+$/u;

/**
 * Splits a plain-text article into reading passages, one per line of the capture. Each passage
 * keeps offsets into `text` such that normalizeWhitespace(text.slice(start, end)) === passage.text.
 */
export function segmentText(text: string, layout: DocumentLayout = {}): NewPassage[] {
  const passages: NewPassage[] = [];
  const anchors = new Map<string, number>();
  let previous: string | undefined;
  let lineStart = 0;

  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = lineStart;
    let end = lineEnd;
    lineStart = lineEnd + 1;

    const raw = text.slice(start, end);
    start += raw.length - raw.replace(LEADING_SPACE, '').length;
    end -= raw.length - raw.replace(TRAILING_SPACE, '').length;
    if (end <= start) continue;

    let line = normalizeWhitespace(text.slice(start, end));
    if (isFurniture(line) || startsWithAny(line, layout.drop)) continue;
    // Captures often repeat a line (a byline, a headline) straight after itself.
    if (line === previous) continue;
    previous = line;

    let kind: PassageKind = 'paragraph';
    const bullet = BULLET.exec(text.slice(start, end));
    if (bullet) {
      start += bullet[0].length;
      line = normalizeWhitespace(text.slice(start, end));
      kind = 'bullet';
    }
    if (startsWithAny(line, layout.bylines) || BYLINE.test(line)) kind = 'byline';
    else if (startsWithAny(line, layout.captions)) kind = 'caption';
    else if (passages.length === 0) kind = 'title';
    else if (kind === 'paragraph' && looksLikeHeading(line)) kind = 'heading';

    passages.push({
      anchor: passageAnchor(line, anchors),
      ordinal: passages.length + 1,
      kind,
      text: line,
      start,
      end,
      page: null,
    });
  }
  return passages;
}
