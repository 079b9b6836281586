import type { z } from 'zod';
import { lazy } from '../lazy';

/**
 * A call is declared once: its input schema is checked at every boundary, its result type is a
 * phantom carried only by the type system so shells and renderer agree without a second list.
 *
 * `H` is a literal: host-only calls take things a page must never choose, such as paths on disk.
 * The CLI and tests may make them; the page's `Api` type leaves them out, so a renderer that tries
 * is a compile error, not a run-time refusal.
 */
export interface CallSpec<I extends z.ZodType, R, H extends boolean = boolean> {
  readonly input: I;
  readonly hostOnly: H;
  readonly __result?: R;
}

/**
 * `call(() => schema)`: the schema is built when the call is first made, not when the contract is
 * loaded. zod builds schemas eagerly and not cheaply; a CLI command that makes one call should
 * not build a hundred (see docs/benchmarks.md, "Command line").
 */
export function call<I extends z.ZodType>(makeInput: () => I) {
  const input = lazy(makeInput);
  const spec = <H extends boolean>(hostOnly: H) => ({
    get input() {
      return input();
    },
    hostOnly,
  });
  return {
    returns<R>(): CallSpec<I, R, false> {
      return spec(false);
    },
    hostOnly() {
      return {
        returns<R>(): CallSpec<I, R, true> {
          return spec(true);
        },
      };
    },
  };
}

/** Events flow main → renderer only; their payload type documents them. */
export interface EventSpec<P> {
  readonly __payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}

export type AnyCall = CallSpec<z.ZodType, unknown>;
export type Domain = Record<string, AnyCall>;

export type ResultOf<C> = C extends CallSpec<z.ZodType, infer R> ? R : never;
export type InputOf<C> = C extends CallSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends CallSpec<infer I, unknown> ? z.output<I> : never;
export type IsHostOnly<C> = C extends CallSpec<z.ZodType, unknown, true> ? true : false;
