import type { PassageKind, SourceMetadata } from '../../../shared/domain';
import { normalizeWhitespace, stripControls } from '../../../shared/text';
import { webAddress } from '../../../shared/url';
import { passageAnchor, segmentText } from '../corpus/segment';
import type { NewPassage } from '../store/repositories/passages';

/** One unit of structure a parser found: a heading, a paragraph, a list item, a page's paragraph. */
export interface Block {
  kind: PassageKind;
  text: string;
  page?: number | null;
}

export interface ExtractedDocument {
  /** The version text: for text files the decoded file, for other formats the extracted text. */
  text: string;
  passages: NewPassage[];
  metadata: SourceMetadata;
  canonicalUrl: string | null;
}

export { emptySourceMetadata as emptyMetadata } from '../../../shared/sourceMetadata';

/** Titles, authors and the rest as stored: no control characters, single spaces, addresses checked. */
export function cleanMetadata(metadata: SourceMetadata): SourceMetadata {
  const clean = (value: string | null) => (value === null ? null : normalizeWhitespace(stripControls(value)) || null);
  return {
    title: clean(metadata.title),
    authors: metadata.authors.map((a) => clean(a)).filter((a): a is string => !!a),
    issued: clean(metadata.issued),
    publisher: clean(metadata.publisher),
    url: webAddress(metadata.url),
    note: metadata.note === null ? null : stripControls(metadata.note),
  };
}

/** Long enough for any real paragraph; a 10 MB single line becomes readable, citable pieces. */
export const MAX_PASSAGE_CHARS = 4000;

const SPACE = /[\s\u00a0\u202f\ufeff]/u;

/** Splits [start, end) of `text` at sentence ends or spaces so no piece exceeds the limit. */
function splitSpan(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let at = start;
  while (end - at > MAX_PASSAGE_CHARS) {
    const limit = at + MAX_PASSAGE_CHARS;
    const window = text.slice(at, limit);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    cut = cut > MAX_PASSAGE_CHARS / 2 ? at + cut + 1 : -1;
    if (cut === -1) {
      const space = window.search(/\s\S*$/u);
      cut = space > MAX_PASSAGE_CHARS / 2 ? at + space : limit;
    }
    // Never cut a surrogate pair in two.
    if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut -= 1;
    pieces.push([at, cut]);
    at = cut;
    while (at < end && SPACE.test(text[at]!)) at++;
  }
  if (end > at) pieces.push([at, end]);
  return pieces
    .map(([s, e]) => {
      while (e > s && SPACE.test(text[e - 1]!)) e--;
      return [s, e] as [number, number];
    })
    .filter(([s, e]) => e > s);
}

/** Keeps the offsets contract while breaking overlong passages; renumbers ordinals and anchors. */
export function limitPassageLength(text: string, passages: readonly NewPassage[]): NewPassage[] {
  const anchors = new Map<string, number>();
  const out: NewPassage[] = [];
  for (const passage of passages) {
    const spans =
      passage.text.length > MAX_PASSAGE_CHARS
        ? splitSpan(text, passage.start, passage.end)
        : [[passage.start, passage.end] as [number, number]];
    for (const [start, end] of spans) {
      const pieceText = spans.length === 1 ? passage.text : normalizeWhitespace(text.slice(start, end));
      if (!pieceText) continue;
      out.push({ ...passage, start, end, text: pieceText, ordinal: out.length + 1, anchor: passageAnchor(pieceText, anchors) });
    }
  }
  return out;
}

/**
 * The extracted text is the blocks joined by blank lines, so every passage's offsets point at
 * exactly its own text: normalizeWhitespace(text.slice(start, end)) === passage.text.
 */
export function documentFromBlocks(blocks: readonly Block[]): { text: string; passages: NewPassage[] } {
  let text = '';
  const passages: NewPassage[] = [];
  let previous: string | undefined;
  for (const block of blocks) {
    const line = normalizeWhitespace(stripControls(block.text).normalize('NFC'));
    if (!line) continue;
    // Extractors often repeat a line (a title in the header and the article) straight after itself.
    if (line === previous) continue;
    previous = line;
    if (text) text += '\n\n';
    const start = text.length;
    text += line;
    passages.push({ anchor: '', ordinal: 0, kind: block.kind, text: line, start, end: text.length, page: block.page ?? null });
  }
  return { text, passages: limitPassageLength(text, passages) };
}

export function documentFromPlainText(text: string): { text: string; passages: NewPassage[] } {
  return { text, passages: limitPassageLength(text, segmentText(text)) };
}
