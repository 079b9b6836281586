import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDismiss } from '../../app/layers';
import { trailingThrottle } from '../../ui/trailingThrottle';
import { findRanges, showMatches } from './findInView';

/**
 * Find in the view (Ctrl/Cmd-F), in both shells: matches are painted with the CSS Custom
 * Highlight API, so the view's own markup is never touched; Enter and Shift+Enter step through
 * them. It follows the view as it changes (a source loading, a note saving).
 */
export function FindBar({ open, close, root }: { open: boolean; close: () => void; root: () => HTMLElement | null }) {
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useDismiss(open, close);

  const search = useCallback(() => {
    const element = root();
    setRanges(element && query.trim() ? findRanges(element, query) : []);
  }, [query, root]);

  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    search();
    setCurrent(0);
    const element = root();
    if (!element) return;
    // Throttled, not debounced: a view that keeps changing still has its matches found again.
    const again = trailingThrottle(search, 200);
    const observer = new MutationObserver(again.call);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      again.cancel();
    };
  }, [open, search, root]);
  useEffect(() => showMatches(open ? ranges : [], current), [open, ranges, current]);
  useEffect(() => () => showMatches([], 0), []);

  if (!open) return null;
  const step = (by: number) => ranges.length > 0 && setCurrent((c) => (c + by + ranges.length) % ranges.length);
  const count = !query.trim() ? '' : ranges.length === 0 ? 'No matches' : `${Math.min(current + 1, ranges.length)} of ${ranges.length}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in this view">
      <input
        ref={input}
        type="search"
        aria-label="Find in this view"
        placeholder="Find in this view"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {count}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" onClick={() => step(-1)} disabled={ranges.length === 0}>
        <ChevronUp aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Next match" onClick={() => step(1)} disabled={ranges.length === 0}>
        <ChevronDown aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={close}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
