import { useEffect, useState } from 'react';

/** Other views (the reader's margin counts, the entity panel) refresh when a note was saved. */
const listeners = new Set<() => void>();
let saves = 0;

export function notifyNoteSaved(): void {
  saves++;
  for (const listener of listeners) listener();
}

export function useNoteSaves(): number {
  const [count, setCount] = useState(saves);
  useEffect(() => {
    const listener = () => setCount(saves);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return count;
}
