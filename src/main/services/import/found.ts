import type { Confidence, FoundField, MetadataOrigin, SourceMetadata } from '../../../shared/sourceMetadata';

type Value<K extends FoundField> = SourceMetadata[K];

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);

/**
 * Records a value a file states about itself, with where it was found and how sure that is.
 * `fill` only sets a field nothing has set yet (the first, better-placed source wins); `set`
 * replaces it (a better source found later). Empty values are never recorded: a field the file
 * does not state stays unknown, never invented.
 */
export function fill<K extends FoundField>(
  m: SourceMetadata,
  field: K,
  value: Value<K> | undefined,
  from: MetadataOrigin,
  confidence: Confidence,
): boolean {
  if (isEmpty(value) || !isEmpty(m[field])) return false;
  return set(m, field, value, from, confidence);
}

export function set<K extends FoundField>(
  m: SourceMetadata,
  field: K,
  value: Value<K> | undefined,
  from: MetadataOrigin,
  confidence: Confidence,
): boolean {
  if (isEmpty(value)) return false;
  m[field] = value as SourceMetadata[K];
  m.found[field] = { from, confidence };
  return true;
}
