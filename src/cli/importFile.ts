import { pathToFileURL } from 'node:url';

/**
 * Loads an ES module file at run time (the evidence verifier, which packs carry as verify.mjs).
 * Its own small chunk, loaded only when asked for: bin/code-cache.cjs does not cache a file with a
 * dynamic import() in it, and the command line's other code should stay cached.
 */
export const importFile = (file: string): Promise<unknown> => import(pathToFileURL(file).href);
