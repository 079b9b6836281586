import { useEffect, useMemo, useState } from 'react';

export function useMediaQuery(media: string): boolean {
  const query = useMemo(() => window.matchMedia(media), [media]);
  const [matches, setMatches] = useState(query.matches);
  useEffect(() => {
    const change = () => setMatches(query.matches);
    change();
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, [query]);
  return matches;
}

/** Below this width the note is a drawer over the view rather than a pane beside it. */
export const NARROW = '(max-width: 1023px)';
/** Below this width the sidebar shows icons only. */
export const COMPACT_SIDEBAR = '(max-width: 1199px)';
