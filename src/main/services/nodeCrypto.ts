import { createRequire } from 'node:module';

let loaded: typeof import('node:crypto') | undefined;

/**
 * node:crypto, loaded on first use. Importing it loads some twenty internal modules; hashing and
 * random names are needed when something is written, and a CLI command that only reads should
 * not pay for them at start-up.
 */
export const nodeCrypto = (): typeof import('node:crypto') =>
  (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
