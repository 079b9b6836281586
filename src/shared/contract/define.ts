import { z } from 'zod';

/**
 * A call is declared once: its input schema is checked at every boundary, its result type is a
 * phantom carried only by the type system so shells and renderer agree without a second list.
 */
export interface CallSpec<I extends z.ZodType, R> {
  readonly input: I;
  /**
   * Host-only calls take things a page must never choose, such as paths on disk: the CLI may
   * make them, the app window (Electron or loopback) may not.
   */
  readonly hostOnly?: boolean;
  readonly __result?: R;
}

export function call<I extends z.ZodType>(input: I, options: { hostOnly?: boolean } = {}) {
  return {
    returns<R>(): CallSpec<I, R> {
      return options.hostOnly ? { input, hostOnly: true } : { input };
    },
    hostOnly() {
      return call(input, { hostOnly: true });
    },
  };
}

/** Events flow main → renderer only; their payload schema documents them and lets tests check them. */
export interface EventSpec<P> {
  readonly __payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}

export type Domain = Record<string, CallSpec<z.ZodType, unknown>>;

export type ResultOf<C> = C extends CallSpec<z.ZodType, infer R> ? R : never;
export type InputOf<C> = C extends CallSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends CallSpec<infer I, unknown> ? z.output<I> : never;
