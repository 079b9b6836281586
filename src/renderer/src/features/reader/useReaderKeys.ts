import { useEffect } from 'react';
import { isTyping } from '../../app/shortcuts';
import { extendSelection, focusedPassage, movePassage } from './keyboardSelection';

/** J / K between passages; Shift+arrows select words or a sentence inside the focused passage. */
export function useReaderKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey) return;
      if (!e.altKey && !e.shiftKey && (e.key === 'j' || e.key === 'k')) {
        e.preventDefault();
        movePassage(e.key === 'j' ? 1 : -1);
        return;
      }
      if (!e.shiftKey || e.altKey || !focusedPassage()) return;
      const step =
        e.key === 'ArrowRight'
          ? (['forward', 'word'] as const)
          : e.key === 'ArrowLeft'
            ? (['backward', 'word'] as const)
            : e.key === 'ArrowDown'
              ? (['forward', 'sentence'] as const)
              : e.key === 'ArrowUp'
                ? (['backward', 'sentence'] as const)
                : null;
      if (step && extendSelection(step[0], step[1])) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
