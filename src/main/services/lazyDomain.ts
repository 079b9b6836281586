import { contract, type DomainName, type Handlers } from '../../shared/contract';

/**
 * A domain's handlers whose code is loaded on its first call. Import and export pull in large
 * libraries (linkedom, citeproc, docx) and notes a good deal of code; a CLI command that never
 * uses them should not pay for loading them, and the app pays once, on first use.
 */
export function lazyDomain<D extends DomainName>(domain: D, load: () => Promise<Handlers[D]>): Handlers[D] {
  let loading: Promise<Handlers[D]> | undefined;
  const loaded = () =>
    (loading ??= load().catch((error: unknown) => {
      // A failed load (a missing chunk) is tried again on the next call rather than remembered.
      loading = undefined;
      throw error;
    }));
  const bound: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(contract[domain])) {
    bound[name] = async (input) => {
      const handlers = (await loaded()) as unknown as Record<string, (input: unknown) => unknown>;
      return handlers[name]!(input);
    };
  }
  return bound as unknown as Handlers[D];
}
