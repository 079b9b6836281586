import { useEffect, useRef } from 'react';

/**
 * Open panels and popups, in the order they opened, so Escape closes the topmost one only (the
 * shortcut sheet before the entity panel, the entity panel before the note drawer). Popups that
 * handle Escape themselves (the search palette, the editor's typeahead) prevent the default, and
 * then nothing here acts.
 */
const open: { close: () => void }[] = [];

function onKeyDown(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.defaultPrevented || open.length === 0) return;
  event.preventDefault();
  open.at(-1)!.close();
}

/** While `active`, this layer is open; Escape closes it if it is the topmost. */
export function useDismiss(active: boolean, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!active) return;
    const layer = { close: () => closeRef.current() };
    if (open.length === 0) window.addEventListener('keydown', onKeyDown);
    open.push(layer);
    return () => {
      open.splice(open.indexOf(layer), 1);
      if (open.length === 0) window.removeEventListener('keydown', onKeyDown);
    };
  }, [active]);
}
