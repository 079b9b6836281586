import { useEffect, useRef } from 'react';
import { isMod, isTyping } from '../../app/shortcuts';

interface Actions {
  showShortcuts: () => void;
  newNote: () => void;
  switchNote: () => void;
  find: () => void;
  toggleNoteFocus: () => void;
}

const mac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcuts that work anywhere (listed in app/shortcuts.ts); the reader and the editor have their own. */
export function useGlobalShortcuts(actions: Actions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const a = latest.current;
      const key = e.key.toLowerCase();
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      if (e.key === '?' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) return run(a.showShortcuts);
      if ((isMod(e) && !e.shiftKey && !e.altKey && key === 'n') || (e.altKey && e.shiftKey && !isMod(e) && key === 'n'))
        return run(a.newNote);
      if (isMod(e) && e.shiftKey && !e.altKey && key === 'o') return run(a.switchNote);
      if (isMod(e) && e.shiftKey && !e.altKey && key === 'e') return run(a.toggleNoteFocus);
      if (isMod(e) && !e.shiftKey && !e.altKey && key === 'f') return run(a.find);
      // Alt+arrows are back and forward, as in a browser; on a Mac they move by word in a text field.
      if (e.altKey && !e.shiftKey && !isMod(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !(mac && isTyping(e.target)))
        return run(() => (e.key === 'ArrowLeft' ? history.back() : history.forward()));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
