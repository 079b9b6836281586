import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import { CITATION_CONTEXT_CHARS, type CitationPayload } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import type { PassageRecord } from '../store/repositories/passages';

const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

/**
 * Maps offsets in a passage's displayed text (whitespace runs folded to one space, trimmed) back to
 * offsets in its version's text, so a citation can store TextPosition offsets that slice the
 * version text to exactly the quoted words.
 */
export function passageToVersionOffsets(versionText: string, passage: Pick<PassageRecord, 'start' | 'end' | 'text'>): number[] {
  const raw = versionText.slice(passage.start, passage.end);
  const map: number[] = [];
  let folded = '';
  for (let i = 0; i < raw.length; i++) {
    const isSpace = WHITESPACE.test(raw[i]!);
    if (isSpace) {
      if (folded.length === 0 || folded.endsWith(' ')) continue;
      folded += ' ';
    } else folded += raw[i];
    map.push(passage.start + i);
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    map.pop();
  }
  if (folded !== passage.text) {
    throw new ApiError(
      'internal',
      `Passage ${JSON.stringify(passage.text.slice(0, 40))} does not match its source text; re-import the source.`,
    );
  }
  return map;
}

export interface SelectionInput {
  sourceId: string;
  passageAnchor: string;
  start: number;
  end: number;
}

/** Builds a citation from a reader selection in the source's current version. */
export function makeCitationPayload(repos: Repositories, input: SelectionInput): CitationPayload {
  const source = repos.sources.get(input.sourceId);
  if (!source) throw new ApiError('not_found', `No source with id "${input.sourceId}".`);
  if (source.deletedAt)
    throw new ApiError('conflict', `Source ${input.sourceId} was deleted from the library; restore it before citing it.`);
  const version = repos.sources.currentVersion(source.id);
  if (!version) throw new ApiError('not_found', `Source ${input.sourceId} has no text to cite.`);
  const passage = repos.passages.byVersion(version.id).find((p) => p.anchor === input.passageAnchor);
  if (!passage) throw new ApiError('not_found', `Source ${input.sourceId} has no passage "${input.passageAnchor}".`);

  let { start, end } = input;
  if (end > passage.text.length || start >= end) {
    throw new ApiError(
      'invalid_input',
      `The selection ${start}–${end} is not inside passage ¶${passage.ordinal} (${passage.text.length} characters).`,
    );
  }
  // A selection that starts or ends on a space quotes the words, not the space.
  while (start < end && passage.text[start] === ' ') start++;
  while (end > start && passage.text[end - 1] === ' ') end--;
  if (start === end) throw new ApiError('invalid_input', 'The selection contains no words to cite.');

  const map = passageToVersionOffsets(version.text, passage);
  const versionStart = map[start]!;
  const versionEnd = map[end - 1]! + 1;
  return {
    key: randomUUID(),
    sourceId: source.id,
    sourceTitle: source.metadata.title,
    versionId: version.id,
    versionSha256: version.sha256,
    passageAnchor: passage.anchor,
    passageOrdinal: passage.ordinal,
    ...quoteAt(version.text, versionStart, versionEnd),
  };
}

export function quoteAt(
  text: string,
  start: number,
  end: number,
): { exact: string; prefix: string; suffix: string; start: number; end: number } {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CITATION_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CITATION_CONTEXT_CHARS),
    start,
    end,
  };
}

/** The passage of a version that holds `offset`: the one containing it, else the nearest before. */
export function passageAt(passages: readonly PassageRecord[], offset: number): PassageRecord | undefined {
  let candidate: PassageRecord | undefined;
  for (const p of passages) {
    if (p.start <= offset) candidate = p;
    if (offset < p.end && p.start <= offset) return p;
  }
  return candidate ?? passages[0];
}
