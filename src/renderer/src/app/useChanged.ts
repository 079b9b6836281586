import { useEffect, useRef } from 'react';
import type { Change } from '../../../shared/domain';
import { api } from '../api';

/**
 * What a view depends on, to hear of its changes: a kind (any source, entity or note), or one
 * thing by id. The main process tells every window what changed after each commit, its own and
 * other processes' (the CLI, an import worker, a second window), from the store's change log.
 */
export type Dependency = { kind: 'source'; sourceId?: string } | { kind: 'entity'; entityId?: string } | { kind: 'note'; noteId?: string };

export function matches(change: Change, dependency: Dependency): boolean {
  if (change.kind !== dependency.kind) return false;
  switch (dependency.kind) {
    case 'source':
      return dependency.sourceId === undefined || dependency.sourceId === (change as { sourceId: string }).sourceId;
    case 'entity':
      return dependency.entityId === undefined || dependency.entityId === (change as { entityId: string }).entityId;
    case 'note':
      return dependency.noteId === undefined || dependency.noteId === (change as { noteId: string }).noteId;
  }
}

/** Calls `onChange` (the latest one) once per commit that touched any of `dependencies`. */
export function useChanged(dependencies: readonly Dependency[], onChange: (changes: Change[]) => void): void {
  const latest = useRef({ dependencies, onChange });
  latest.current = { dependencies, onChange };
  useEffect(
    () =>
      api().on('changed', ({ changes }) => {
        const relevant = changes.filter((c) => latest.current.dependencies.some((d) => matches(c, d)));
        if (relevant.length > 0) latest.current.onChange(relevant);
      }),
    [],
  );
}
