import { ApiError } from '../errors';
import type { AnyCall, InputOf, IsHostOnly, ParsedInputOf, ResultOf } from './define';
import { sources } from './sources';
import { entities } from './entities';
import { notes } from './notes';
import { search } from './search';
import { imports } from './imports';
import { exportCalls } from './exports';
import { settings } from './settings';
import { events } from './events';

export const contract = { sources, entities, notes, search, imports, export: exportCalls, settings } as const;
export { events };

export type Contract = typeof contract;
export type DomainName = keyof Contract;
export type CallName<D extends DomainName> = keyof Contract[D] & string;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { __payload?: infer P } ? P : never;

/** Who is calling: the app window (Electron or loopback) may not make host-only calls. */
export type Caller = 'host' | 'window';

/** The one place a wire name is made: Electron's IPC channels and the loopback routes both use it. */
export function wireName(domain: string, name: string): string {
  return `${domain}.${name}`;
}

export interface FoundCall {
  domain: DomainName;
  name: string;
  spec: AnyCall;
}

export function findCall(wire: string): FoundCall | undefined {
  const [domain, name, extra] = wire.split('.');
  if (!domain || !name || extra !== undefined || !Object.hasOwn(contract, domain)) return undefined;
  const calls = contract[domain as DomainName] as Record<string, AnyCall>;
  if (!Object.hasOwn(calls, name)) return undefined;
  return { domain: domain as DomainName, name, spec: calls[name]! };
}

/** Every call of the contract, in declaration order: shells bind from it, tests walk it. */
export function allCalls(): (FoundCall & { wire: string })[] {
  return Object.entries(contract).flatMap(([domain, calls]) =>
    Object.entries(calls as Record<string, AnyCall>).map(([name, spec]) => ({
      domain: domain as DomainName,
      name,
      spec,
      wire: wireName(domain, name),
    })),
  );
}

type CallFn<C> = (input: InputOf<C>) => Promise<ResultOf<C>>;
type Listen = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What a page may call: every call but the host-only ones, which are absent from the type. */
export type Api = {
  readonly [D in DomainName]: {
    readonly [C in CallName<D> as IsHostOnly<Contract[D][C]> extends true ? never : C]: CallFn<Contract[D][C]>;
  };
} & Listen;

/** What the CLI, scripts and tests call: every call, host-only ones included. */
export type HostApi = {
  readonly [D in DomainName]: {
    readonly [C in CallName<D>]: CallFn<Contract[D][C]>;
  };
} & Listen;

export type Handlers = {
  [D in DomainName]: {
    [C in CallName<D>]: (input: ParsedInputOf<Contract[D][C]>) => ResultOf<Contract[D][C]> | Promise<ResultOf<Contract[D][C]>>;
  };
};

export type Invoke = (wire: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds a typed API from a transport; the preload, the HTTP bridge and the host differ only in
 * `invoke`. A page gets `Api` (host-only calls are not even bound); the host asks for `HostApi`.
 */
export function makeApi(invoke: Invoke, subscribe: Subscribe): Api;
export function makeApi(invoke: Invoke, subscribe: Subscribe, options: { hostOnly: true }): HostApi;
export function makeApi(invoke: Invoke, subscribe: Subscribe, options: { hostOnly?: boolean } = {}): Api | HostApi {
  const api: Record<string, unknown> = {};
  for (const [domain, calls] of Object.entries(contract)) {
    const bound: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name, spec] of Object.entries(calls as Record<string, AnyCall>)) {
      if (spec.hostOnly && !options.hostOnly) continue;
      const wire = wireName(domain, name);
      bound[name] = (input: unknown) => invoke(wire, input ?? {});
    }
    api[domain] = Object.freeze(bound);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.freeze(api) as unknown as Api | HostApi;
}

/** Electron IPC names, derived from the contract so no channel string is written anywhere else. */
export const ipcChannel = (wire: string): string => `sourcebook:${wire}`;
export const ipcEventChannel = (event: string): string => `sourcebook:event:${event}`;
/** The loopback shell's paths, likewise derived. */
export const HTTP_API_PREFIX = '/api/';
export const httpCallPath = (wire: string): string => `${HTTP_API_PREFIX}${encodeURIComponent(wire)}`;
export const HTTP_EVENTS_PATH = `${HTTP_API_PREFIX}events`;
export const eventNames = (): EventName[] => Object.keys(events) as EventName[];

/** Every transport returns this envelope so an error keeps its code and message across the boundary. */
export type Envelope = { result: unknown } | { error: { code: string; message: string } };

export function unwrapEnvelope(envelope: Envelope): unknown {
  if ('error' in envelope) throw ApiError.from(envelope.error);
  return envelope.result;
}
