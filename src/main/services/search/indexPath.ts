import path from 'node:path';

/** Where a notebook's search index lives: a module of its own, so finding it loads none of the engine. */
export const INDEX_DIR = 'search';
export const INDEX_FILE = 'index.sbidx';

export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_DIR, INDEX_FILE);
}
