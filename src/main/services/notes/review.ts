import { ApiError } from '../../../shared/errors';
import type { AnchorEvent } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import type { CitationRecord } from '../store/repositories/citations';
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
