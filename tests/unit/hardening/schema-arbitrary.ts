import fc from 'fast-check';

/**
 * fast-check arbitraries from JSON Schema, which zod writes for every contract input
 * (z.toJSONSchema). Sizes are capped so a run stays quick; refinements zod cannot express in JSON
 * Schema (such as "noteIds or report") are not followed, so a generated input may still be
 * refused, which the fuzz test accepts as long as the refusal is a clear app error.
 */
type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
};

const cap = (max: number | undefined, min: number, limit: number) => Math.max(min, Math.min(max ?? limit, limit));

export function arbitraryFor(schema: Schema, overrides: Record<string, fc.Arbitrary<unknown>> = {}, at = ''): fc.Arbitrary<unknown> {
  if (overrides[at]) return overrides[at];
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => arbitraryFor(s, overrides, at)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf) as Schema, overrides, at);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
      const minLength = schema.minLength ?? 0;
      return fc.string({ minLength, maxLength: cap(schema.maxLength, minLength, 40), unit: 'grapheme' });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(arbitraryFor(schema.items ?? {}, overrides, `${at}[]`), { minLength, maxLength: cap(schema.maxItems, minLength, 3) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = arbitraryFor(value, overrides, at ? `${at}.${key}` : key);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Inputs the schema refuses: wrong types, unknown keys, and valid inputs with one field spoiled. */
export function invalidFor(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 5 }),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  return fc.oneof(
    junk,
    valid.chain((v): fc.Arbitrary<unknown> =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? fc.oneof(
            fc.constant({ ...(v as object), unexpectedKey: 1 }),
            ...Object.keys(v as object).map((key) => junk.map((bad) => ({ ...(v as object), [key]: bad }))),
          )
        : junk,
    ),
  );
}
