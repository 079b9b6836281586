import { z } from 'zod';

/**
 * A call is declared once: its input schema is checked at every boundary, its result type is a
 * phantom carried only by the type system so shells and renderer agree without a second list.
 */
export interface CallSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly __result?: R;
}

export function call<I extends z.ZodType>(input: I) {
  return {
    returns<R>(): CallSpec<I, R> {
      return { input };
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
