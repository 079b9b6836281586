import { diffWords } from 'diff';
import { useMemo } from 'react';

/** Words as a reader counts them: punctuation and spaces, which jsdiff also counts as tokens, are not words. */
const wordsIn = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
const words = (n: number) => `${n} word${n === 1 ? '' : 's'}`;

/** Two texts compared word by word (jsdiff): removed words struck through, added words marked. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  const added = parts.filter((p) => p.added).reduce((n, p) => n + wordsIn(p.value), 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + wordsIn(p.value), 0);
  return (
    <div className="word-diff">
      <p className="diff-summary">
        {before === after ? 'The two texts are the same.' : `${words(added)} added, ${words(removed)} removed.`}
      </p>
      <div className="diff-text">
        {parts.map((part, i) =>
          part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
        )}
      </div>
    </div>
  );
}
