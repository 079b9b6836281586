import { EventEmitter } from 'node:events';

/**
 * What changed in the store, told to derived data (the search index, counts) after the
 * transaction that made the change has committed. Derived data never writes back.
 */
export type Change =
  | { kind: 'source'; sourceId: string }
  | { kind: 'entity'; entityId: string }
  | { kind: 'note'; noteId: string }
  | { kind: 'note-deleted'; noteId: string };

export interface ChangeBus {
  emit(change: Change): void;
  on(listener: (change: Change) => void): () => void;
}

export function createChangeBus(): ChangeBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  return {
    emit: (change) => void emitter.emit('change', change),
    on(listener) {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
  };
}
