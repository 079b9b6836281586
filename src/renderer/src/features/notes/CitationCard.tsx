import { useEffect, useState, type RefObject } from 'react';
import { normalizeWhitespace } from '../../../../shared/text';
import { useCitationContext } from './citationContext';
import { contextAfter, contextBefore } from './quoteContext';

/** One hover card for every chip in the note: the quoted words in context, and the source. */
export function CitationCard({ container }: { container: RefObject<HTMLElement | null> }) {
  const { byKey } = useCitationContext();
  const [hovered, setHovered] = useState<{ key: string; left: number; top: number } | null>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const over = (event: MouseEvent) => {
      const chip = event.target instanceof Element ? event.target.closest<HTMLElement>('.citation-chip') : null;
      if (!chip) return setHovered(null);
      const rect = chip.getBoundingClientRect();
      const key = chip.dataset.citationKey!;
      setHovered((h) => (h?.key === key ? h : { key, left: rect.left, top: rect.bottom + 4 }));
    };
    const leave = () => setHovered(null);
    root.addEventListener('mouseover', over);
    root.addEventListener('mouseleave', leave);
    return () => {
      root.removeEventListener('mouseover', over);
      root.removeEventListener('mouseleave', leave);
    };
  }, [container]);

  const c = hovered ? byKey.get(hovered.key) : undefined;
  if (!hovered || !c) return null;
  return (
    <div className="citation-card" role="tooltip" style={{ left: hovered.left, top: hovered.top }}>
      <span className="context">
        …{contextBefore(c.prefix)}
        <mark>{normalizeWhitespace(c.exact)}</mark>
        {contextAfter(c.suffix)}…
      </span>
      <span className="source">
        {c.sourceTitle ?? c.sourceId}, ¶{c.passageOrdinal}
        {c.status === 'moved' ? ' · moved after the source changed' : ''}
        {c.sourceDeleted ? ' · source deleted from the library, quote kept as cited' : ''}
      </span>
      {c.history.length > 0 && <span className="history">{c.history.at(-1)!.reason}</span>}
    </div>
  );
}
