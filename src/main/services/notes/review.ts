import { ApiError } from '../../../shared/errors';
import { NOTE_NODE, type AnchorEvent, type SerializedNoteDocument, type SerializedNoteNode } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { anchorOf, type CitationRecord } from '../store/repositories/citations';
import { currentTarget, pointAt } from './reanchor';

/**
 * A person's decisions on a citation that needs review. Each one is appended to the citation's
 * history with what it replaced, so the record says who decided what, when, against which text.
 */

/** Takes the proposal the last check offered: the citation now quotes the new words, in the current version. */
export function acceptProposal(repos: Repositories, citation: CitationRecord, now: string): void {
  const last = citation.history.at(-1);
  const target = currentTarget(repos, citation.sourceId);
  if (
    (citation.status !== 'changed' && citation.status !== 'lost') ||
    !last?.suggestion ||
    !target ||
    last.toVersionId !== target.version.id
  ) {
    throw new ApiError('conflict', 'This citation has no proposal for the current source text; cite the passage again from the reader.');
  }
  const event: Omit<AnchorEvent, 'next'> = {
    at: now,
    action: 'accept',
    fromVersionId: citation.versionId,
    toVersionId: target.version.id,
    method: 'accepted',
    status: 'current',
    score: last.suggestion.score,
    previous: { exact: citation.exact, start: citation.start, end: citation.end, passageAnchor: citation.passageAnchor },
    ...(last.diff ? { diff: last.diff } : {}),
    reason: 'The writer accepted the new words.',
  };
  repos.citations.updateAnchor(pointAt(citation, target, last.suggestion.start, last.suggestion.end, event));
}

/** Keeps citing the version the words were taken from: the words stay exactly as quoted, marked pinned. */
export function keepPinned(repos: Repositories, citation: CitationRecord, now: string): void {
  const target = currentTarget(repos, citation.sourceId);
  if (citation.status !== 'changed' && citation.status !== 'lost') {
    throw new ApiError('conflict', `This citation is ${citation.status}; only a changed or lost citation waits for a decision.`);
  }
  const previous = { exact: citation.exact, start: citation.start, end: citation.end, passageAnchor: citation.passageAnchor };
  const last = citation.history.at(-1);
  const event: AnchorEvent = {
    at: now,
    action: 'keep-pinned',
    fromVersionId: citation.versionId,
    // The version it was compared with: the next check skips it, a newer version is checked again.
    toVersionId: last?.toVersionId ?? target?.version.id ?? citation.versionId,
    method: 'none',
    status: 'pinned',
    score: 1,
    previous,
    next: previous,
    reason: 'The writer chose to keep citing the version these words were taken from.',
  };
  repos.citations.updateAnchor({ ...anchorOf(citation), id: citation.id, status: 'pinned', history: [...citation.history, event] });
}

/** The note's document without the chips of one citation (a chip copied within a note shares its key). */
export function withoutCitation(document: SerializedNoteDocument, key: string): SerializedNoteDocument {
  const strip = (nodes: readonly SerializedNoteNode[]): SerializedNoteNode[] =>
    nodes
      .filter((n) => !(n.type === NOTE_NODE.citation && (n.citation as { key?: unknown } | undefined)?.key === key))
      .map((n) => (n.children ? { ...n, children: strip(n.children) } : n));
  return { ...document, root: { ...document.root, children: strip(document.root.children ?? []) } };
}
