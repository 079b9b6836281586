import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import {
  NOTE_NODE,
  serializedParagraph,
  type CitationPayload,
  type SerializedNoteDocument,
  type SerializedNoteNode,
} from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { emptyDocument } from './document';
import { occurrences } from './anchoring';
import { passageAt, quoteAt } from './selection';
import { normalizeText, toRawSpan } from './textNormalize';

/** Where the words are: one place per occurrence, by passage, so an error can name them. */
function findWords(text: string, words: string): { start: number; end: number }[] {
  const haystack = normalizeText(text);
  const needle = normalizeText(words).text;
  if (!needle) throw new ApiError('invalid_input', 'The quote holds no words to look for.');
  return occurrences(haystack.text, needle, 1000).map((at) => toRawSpan(haystack, at, at + needle.length));
}

/**
 * The citation `sourcebook cite` (and any caller of `notes.cite`) makes: the exact words, found
 * in the source's current text with the same typography-blind comparison re-anchoring uses
 * (curly or straight quotes, dashes, spaces), quoted as the source prints them.
 */
export function citationForWords(repos: Repositories, sourceId: string, words: string, occurrence: number | undefined): CitationPayload {
  const source = repos.sources.get(sourceId);
  if (!source) throw new ApiError('not_found', `No source with id "${sourceId}".`);
  if (source.deletedAt) throw new ApiError('conflict', `Source ${sourceId} was deleted from the library; restore it before citing it.`);
  const version = repos.sources.currentVersion(sourceId);
  if (!version) throw new ApiError('not_found', `Source ${sourceId} has no text to cite.`);
  const passages = repos.passages.byVersion(version.id);
  const found = findWords(version.text, words);
  const shown = JSON.stringify(words.length > 80 ? `${words.slice(0, 77)}…` : words);
  if (found.length === 0) throw new ApiError('not_found', `The words ${shown} are not in source ${sourceId}.`);
  if (occurrence === undefined && found.length > 1) {
    const where = found
      .slice(0, 12)
      .map((f, i) => `${i + 1}: ¶${passageAt(passages, f.start)?.ordinal ?? '?'}`)
      .join(', ');
    throw new ApiError(
      'invalid_input',
      `The words ${shown} occur ${found.length} times in source ${sourceId} (${where}${found.length > 12 ? ', …' : ''}); choose one with --occurrence N.`,
    );
  }
  const n = occurrence ?? 1;
  if (n > found.length) {
    throw new ApiError(
      'invalid_input',
      `The words ${shown} occur ${found.length} time(s) in source ${sourceId}; there is no occurrence ${n}.`,
    );
  }
  const span = found[n - 1]!;
  const passage = passageAt(passages, span.start);
  return {
    key: randomUUID(),
    sourceId,
    sourceTitle: source.metadata.title,
    versionId: version.id,
    versionSha256: version.sha256,
    passageAnchor: passage?.anchor ?? '',
    passageOrdinal: passage?.ordinal ?? 0,
    ...quoteAt(version.text, span.start, span.end),
  };
}

function chipLabel(c: CitationPayload): string {
  const title = c.sourceTitle ?? c.sourceId;
  return `${title.length > 28 ? title.slice(0, 26).trimEnd() + '…' : title} · ¶${c.passageOrdinal}`;
}

/** The document with one more paragraph holding the citation's chip, as the reader's Cite button adds it. */
export function withCitation(document: SerializedNoteDocument | undefined, citation: CitationPayload): SerializedNoteDocument {
  const base = document ?? emptyDocument();
  const chip: SerializedNoteNode = {
    type: NOTE_NODE.citation,
    version: 1,
    text: chipLabel(citation),
    format: 0,
    detail: 0,
    mode: 'token',
    style: '',
    citation,
  };
  const paragraph = serializedParagraph([chip]);
  return { ...base, root: { ...base.root, children: [...(base.root.children ?? []), paragraph] } };
}
