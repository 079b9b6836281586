import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../shared/search';

/**
 * Arrow keys move through the results, Enter opens the selected one (the first by default),
 * Home/End jump. Selection resets when the results change.
 */
export function useResultKeys(hits: SearchHit[], open: (hit: SearchHit) => void) {
  const [selected, setSelected] = useState(0);
  const key = hits.map((h) => `${h.kind}:${h.id}`).join('|');
  useEffect(() => setSelected(0), [key]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (hits.length === 0) return;
    const move = (to: number) => {
      event.preventDefault();
      setSelected(Math.max(0, Math.min(hits.length - 1, to)));
    };
    if (event.key === 'ArrowDown') move(selected + 1);
    else if (event.key === 'ArrowUp') move(selected - 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(hits.length - 1);
    else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      open(hits[Math.min(selected, hits.length - 1)]!);
    }
  };
  return { selected: Math.min(selected, Math.max(0, hits.length - 1)), setSelected, onKeyDown };
}
