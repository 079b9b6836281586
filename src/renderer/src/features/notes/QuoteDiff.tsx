import type { QuoteDiffPart } from '../../../../shared/notes';

/** Spaces at a part's edges separate it from its neighbours: collapsed, never trimmed. */
const collapse = (text: string) => text.replace(/\s+/gu, ' ');

/** The word-level "was / now" of a changed quote: removed words struck through, added words marked. */
export function QuoteDiff({ parts }: { parts: readonly QuoteDiffPart[] }) {
  return (
    <p className="quote-diff" aria-label="What changed in the quoted words">
      <span className="quote-diff-label">Was → now: </span>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{collapse(p.text)}</span>
        ) : p.op === 'removed' ? (
          <del key={i} title="was">
            {collapse(p.text)}
          </del>
        ) : (
          <ins key={i} title="now">
            {collapse(p.text)}
          </ins>
        ),
      )}
    </p>
  );
}
