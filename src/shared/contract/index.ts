import type { z } from 'zod';
import { ApiError } from '../errors';
import type { CallSpec, InputOf, ParsedInputOf, ResultOf } from './define';
import { sources } from './sources';
import { entities } from './entities';
import { notes } from './notes';
import { search } from './search';
import { imports } from './imports';
import { exportCalls } from './exports';
import { events } from './events';

export const contract = { sources, entities, notes, search, imports, export: exportCalls } as const;
export { events };

export type Contract = typeof contract;
export type DomainName = keyof Contract;
export type CallName<D extends DomainName> = keyof Contract[D] & string;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { __payload?: infer P } ? P : never;

/** The one place a wire name is made: Electron's IPC channels and the loopback routes both use it. */
export function wireName(domain: string, name: string): string {
  return `${domain}.${name}`;
}

export function findCall(wire: string): { domain: DomainName; name: string; spec: CallSpec<z.ZodType, unknown> } | undefined {
  const [domain, name, extra] = wire.split('.');
  if (!domain || !name || extra !== undefined || !Object.hasOwn(contract, domain)) return undefined;
  const calls = contract[domain as DomainName] as Record<string, CallSpec<z.ZodType, unknown>>;
  if (!Object.hasOwn(calls, name)) return undefined;
  return { domain: domain as DomainName, name, spec: calls[name]! };
}

export type Api = {
  [D in DomainName]: {
    [C in CallName<D>]: (input: InputOf<Contract[D][C]>) => Promise<ResultOf<Contract[D][C]>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type Handlers = {
  [D in DomainName]: {
    [C in CallName<D>]: (input: ParsedInputOf<Contract[D][C]>) => ResultOf<Contract[D][C]> | Promise<ResultOf<Contract[D][C]>>;
  };
};

export type Invoke = (wire: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/** Builds the renderer-facing API from a transport; the preload and the HTTP bridge differ only in `invoke`. */
export function makeApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, unknown> = {};
  for (const [domain, calls] of Object.entries(contract)) {
    const bound: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name, spec] of Object.entries(calls as Record<string, CallSpec<z.ZodType, unknown>>)) {
      if (spec.hostOnly) continue;
      const wire = wireName(domain, name);
      bound[name] = (input: unknown) => invoke(wire, input ?? {});
    }
    api[domain] = Object.freeze(bound);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.freeze(api) as unknown as Api;
}

/** Electron IPC names, derived from the contract so no channel string is written anywhere else. */
export const ipcChannel = (wire: string): string => `sourcebook:${wire}`;
export const ipcEventChannel = (event: string): string => `sourcebook:event:${event}`;

/** Every transport returns this envelope so an error keeps its code and message across the boundary. */
export type Envelope = { result: unknown } | { error: { code: string; message: string } };

export function unwrapEnvelope(envelope: Envelope): unknown {
  if ('error' in envelope) throw ApiError.from(envelope.error);
  return envelope.result;
}
