import { diffWords } from 'diff';
import { useMemo } from 'react';

/** Two texts compared word by word (jsdiff): removed words struck through, added words marked. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  const added = parts.filter((p) => p.added).reduce((n, p) => n + p.count, 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + p.count, 0);
  return (
    <div className="word-diff">
      <p className="diff-summary">
        {added === 0 && removed === 0 ? 'The two texts are the same.' : `${added} word(s) added, ${removed} removed.`}
      </p>
      <div className="diff-text">
        {parts.map((part, i) =>
          part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
        )}
      </div>
    </div>
  );
}
