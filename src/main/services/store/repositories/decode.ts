import { z } from 'zod';
import { ApiError } from '../../../../shared/errors';
import { lazy } from '../../../../shared/lazy';

/** A record as SQLite hands it over: the JSON columns named in K still text. */
export type Encoded<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/*
 * The only place the store turns JSON text into objects, each column against its schema, so no
 * caller ever sees a JSON string or has to trust one. Text that does not fit its schema was not
 * written by Sourcebook (or the file is damaged), and is said so plainly.
 */

const damaged = (what: string, detail: string) => new ApiError('corrupt', `The notebook holds damaged data (${what} ${detail}).`);

function parseJson(text: string, what: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    throw damaged(what, 'is not valid JSON');
  }
}

function check<T>(result: z.ZodSafeParseResult<T>, what: string): asserts result is z.ZodSafeParseSuccess<T> {
  if (!result.success) throw damaged(what, `does not fit: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`);
}

/** Parses a column into the schema's output (defaults filled in, unknown keys dropped). */
export function decodeJson<T>(schema: z.ZodType<T, unknown>, text: string, what: string): T {
  const result = schema.safeParse(parseJson(text, what));
  check(result, what);
  return result.data;
}

function assertFits<T>(schema: z.ZodType<T>, value: unknown, what: string): asserts value is T {
  check(schema.safeParse(value), what);
}

/**
 * Checks a column and returns it exactly as written, for loose schemas without defaults: a note's
 * document keeps its key order (zod's output is a reordered copy), so it compares equal as JSON.
 */
export function decodeJsonAsWritten<T>(schema: z.ZodType<T>, text: string, what: string): T {
  const value = parseJson(text, what);
  assertFits(schema, value, what);
  return value;
}

export const TagsSchema = lazy(() => z.array(z.string()));
