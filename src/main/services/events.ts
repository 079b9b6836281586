import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';

/**
 * The contract's events inside the main process: services emit them, both shells forward every
 * one to their pages, and services that keep derived data (search) listen. Typed by the
 * contract, so an event that is not declared there cannot be emitted or heard.
 */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createEventHub(): EventHub {
  const emitter = new EventEmitter();
  // Every open page (SSE stream or window) listens; a few dozen is normal, not a leak.
  emitter.setMaxListeners(100);
  return {
    emit: (event, payload) => void emitter.emit(event, payload),
    on(event, listener) {
      const wrapped = (payload: unknown) => listener(payload as never);
      emitter.on(event, wrapped);
      return () => emitter.off(event, wrapped);
    },
  };
}
