import type { QuoteDiffPart } from '../../../../shared/notes';
import { normalizeWhitespace } from '../../../../shared/text';

/** The word-level "was / now" of a changed quote: removed words struck through, added words marked. */
export function QuoteDiff({ parts }: { parts: readonly QuoteDiffPart[] }) {
  return (
    <p className="quote-diff" aria-label="What changed in the quoted words">
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{normalizeWhitespace(p.text)}</span>
        ) : p.op === 'removed' ? (
          <del key={i} title="was">
            {normalizeWhitespace(p.text)}
          </del>
        ) : (
          <ins key={i} title="now">
            {normalizeWhitespace(p.text)}
          </ins>
        ),
      )}
    </p>
  );
}
