import { useEffect, useRef, type RefObject } from 'react';

/**
 * Gives the focus to a view once what it shows has loaded (`take`), again whenever `key` changes,
 * unless the person put the focus somewhere else while it loaded: on a busy machine a source or
 * an entity can take a second, and someone who pressed Ctrl-F at once, or went on typing in a
 * note, had the letters go into the view and come back out of order. Somewhere else means not
 * where it was when loading began, not the page itself, and neither inside the view (`region`)
 * nor around it.
 */
export function useFocusWhenReady(ready: boolean, key: string, region: RefObject<HTMLElement | null>, take: () => void): void {
  const focusWhenAsked = useRef<Element | null>(null);
  const takeRef = useRef(take);
  takeRef.current = take;
  useEffect(() => {
    if (!ready) {
      focusWhenAsked.current = document.activeElement;
      return;
    }
    const asked = focusWhenAsked.current;
    focusWhenAsked.current = null;
    if (asked && focusMovedSince(asked, region.current)) return;
    takeRef.current();
  }, [ready, key, region]);
}

function focusMovedSince(asked: Element, region: HTMLElement | null): boolean {
  const now = document.activeElement;
  if (!now || now === asked || now === document.body || !region) return false;
  return !region.contains(now) && !now.contains(region);
}
