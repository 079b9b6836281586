import { useCallback, useEffect, useRef, useState } from 'react';
import { useChanged, type Dependency } from './useChanged';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Loads data for a view: again when its key changes (showing "Loading…"), and again when a
 * commit touches what it depends on (quietly: the view keeps what it shows, and its scroll
 * position, until the new data arrives). Answers that arrive after a newer request are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, dependsOn: readonly Dependency[] = []): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const request = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((quietly: boolean) => {
    const id = ++request.current;
    if (!quietly) setState({ status: 'loading' });
    loadRef.current().then(
      (data) => id === request.current && setState({ status: 'ready', data }),
      (error: unknown) => id === request.current && setState({ status: 'error', message: messageOf(error) }),
    );
  }, []);

  // An answer for the previous key is dropped once the key changes.
  const forget = useCallback(() => void request.current++, []);
  useEffect(() => {
    run(false);
    return forget;
  }, [key, run, forget]);
  useChanged(dependsOn, () => run(true));
  const reload = useCallback(() => run(true), [run]);
  return { ...state, reload };
}
