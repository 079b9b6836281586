import type { HighlightRange } from '../../../../shared/search';

/**
 * Text with its matched words wrapped in <mark>, built from offsets as React elements. The text
 * is never parsed: markup inside a passage shows as the characters it is.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(text.length, r.start));
    const end = Math.max(start, Math.min(text.length, r.end));
    if (start > at) parts.push(text.slice(at, start));
    if (end > start)
      parts.push(
        <mark key={start} className="hit">
          {text.slice(start, end)}
        </mark>,
      );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
