import { ApiError } from '../../../shared/errors';
import type { AnchorEvent } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import type { CitationRow } from '../store/repositories/citations';
import { currentTarget } from './reanchor';
import { passageAt, quoteAt } from './selection';

/**
 * A person's decisions on a citation that needs review. Each one is appended to the citation's
 * history with what it replaced, so the record says who decided what, when, against which text.
 * (Round 2 of issue 10 adds keep-pinned, re-cite elsewhere and remove.)
 */

/** Takes the proposal the last check offered: the citation now quotes the new words, in the current version. */
export function acceptProposal(repos: Repositories, row: CitationRow, now: string): void {
  const history = JSON.parse(row.history) as AnchorEvent[];
  const last = history.at(-1);
  const target = currentTarget(repos, row.source_id);
  if ((row.status !== 'changed' && row.status !== 'lost') || !last?.suggestion || !target || last.toVersionId !== target.version.id) {
    throw new ApiError('conflict', 'This citation has no proposal for the current source text; cite the passage again from the reader.');
  }
  const quote = quoteAt(target.version.text, last.suggestion.start, last.suggestion.end);
  const passage = passageAt(target.passages, quote.start);
  const next = { exact: quote.exact, start: quote.start, end: quote.end, passageAnchor: passage?.anchor ?? row.passage_anchor };
  const event: AnchorEvent = {
    at: now,
    action: 'accept',
    fromVersionId: row.version_id,
    toVersionId: target.version.id,
    method: 'accepted',
    status: 'current',
    score: last.suggestion.score,
    previous: { exact: row.exact, start: row.start, end: row.end, passageAnchor: row.passage_anchor },
    next,
    ...(last.diff ? { diff: last.diff } : {}),
    reason: 'The writer accepted the new words.',
  };
  repos.citations.updateAnchor({
    id: row.id,
    versionId: target.version.id,
    versionSha256: target.version.sha256,
    textSha256: target.textSha256,
    passageAnchor: next.passageAnchor,
    passageOrdinal: passage?.ordinal ?? row.passage_ordinal,
    ...quote,
    status: 'current',
    history: JSON.stringify([...history, event]),
  });
}
