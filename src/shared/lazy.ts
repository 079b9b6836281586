/**
 * A value built on first use and kept. Schemas are declared this way (`const Title = lazy(() =>
 * z.string()…)`, used as `Title()`): zod builds a schema eagerly and not cheaply, and a CLI command
 * that checks one call's input should not pay for building every call's schema at start-up.
 */
export function lazy<T>(make: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = make();
      built = true;
    }
    return value;
  };
}
