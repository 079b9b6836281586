import path from 'node:path';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import { SearchHost } from '../../../src/main/services/search/host';
import { indexPath } from '../../../src/main/services/search/persist';
import type { SearchHit, SearchResponse } from '../../../src/shared/search';
import { freshNotebook } from '../helpers';

export { freshNotebook };

/** The index on the test's own thread, over a notebook's SQLite; the worker runs the same host. */
export function hostFor(dataDir: string): SearchHost {
  return new SearchHost({ dbFile: path.join(dataDir, DATABASE_FILE), indexFile: indexPath(dataDir), persistDelayMs: 10 });
}

export function hitsOf(response: SearchResponse, kind: SearchHit['kind'] = 'passage'): SearchHit[] {
  return response.groups.find((g) => g.kind === kind)?.hits ?? [];
}

/** "seed-002 ¶30": how the judged queries name a passage, as the CLI prints it. */
export function label(hit: SearchHit): string {
  return `${hit.sourceId} ¶${hit.ordinal}`;
}
