import { SourceMetadataSchema } from '../../../src/shared/sourceMetadata';
import path from 'node:path';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import { SearchHost } from '../../../src/main/services/search/host';
import { indexPath } from '../../../src/main/services/search/persist';
import type { SearchHit, SearchResponse } from '../../../src/shared/search';
import { freshNotebook } from '../helpers';

export { freshNotebook };
type TestNotebook = ReturnType<typeof freshNotebook>;

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

/** Commits a source with passages through the store, as an import would. */
export function addSource(
  notebook: Pick<TestNotebook, 'repos' | 'store'>,
  id: string,
  texts: string[],
  issued: string | null = null,
): void {
  const { repos } = notebook;
  notebook.store.write('Adding a test source', () => {
    const metadata = SourceMetadataSchema().parse({ title: `Test source ${id}`, authors: ['A. Tester'], issued });
    repos.sources.insert({ id, kind: 'import', canonicalUrl: null, metadata });
    repos.sources.insertVersion({
      id: `v-${id}`,
      sourceId: id,
      sha256: `sha-${id}`,
      original: Buffer.from(texts.join('\n')),
      text: texts.join('\n'),
      metadata,
      fileName: null,
      mediaType: 'text/plain',
    });
    texts.forEach((text, i) =>
      repos.passages.insert(`v-${id}`, {
        anchor: `a${i}`,
        ordinal: i + 1,
        kind: 'paragraph',
        text,
        start: 0,
        end: text.length,
        page: null,
      }),
    );
  });
}
