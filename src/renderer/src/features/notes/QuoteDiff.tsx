import type { QuoteDiffPart } from '../../../../shared/notes';
import { collapseSpaces } from './quoteContext';

/** The word-level "was / now" of a changed quote: removed words struck through, added words marked. */
export function QuoteDiff({ parts }: { parts: readonly QuoteDiffPart[] }) {
  return (
    <p className="quote-diff" aria-label="What changed in the quoted words">
      <span className="quote-diff-label">Was → now: </span>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{collapseSpaces(p.text)}</span>
        ) : p.op === 'removed' ? (
          <del key={i} title="was">
            {collapseSpaces(p.text)}
          </del>
        ) : (
          <ins key={i} title="now">
            {collapseSpaces(p.text)}
          </ins>
        ),
      )}
    </p>
  );
}
