import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHost } from '../../../src/main/services/search/host';
import { indexPath } from '../../../src/main/services/search/persist';
import type { TaskProgress } from '../../../src/shared/domain';
import { freshNotebook, hitsOf, hostFor } from './helpers';
import { SourceMetadataSchema } from '../../../src/shared/sourceMetadata';

type TestNotebook = ReturnType<typeof freshNotebook>;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
afterEach(() => {
  for (const x of open.splice(0).reverse()) x.close();
});

function addSource(notebook: TestNotebook, id: string, texts: string[], issued: string | null = null): void {
  const { repos } = notebook;
  notebook.store.write('Adding a test source', () => {
    const metadata = SourceMetadataSchema.parse({ title: `Test source ${id}`, authors: ['A. Tester'], issued });
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

/** Hands every committed change to a host on this thread, as the search service does for its worker. */
const follow = (notebook: TestNotebook, host: SearchHost) =>
  notebook.on('changed', ({ changes }) => {
    for (const change of changes) host.apply(change);
  });

function started(notebook: TestNotebook): SearchHost {
  const host = track(hostFor(notebook.dataDir));
  host.start(() => {});
  return host;
}

describe('the persisted index', () => {
  it('is built on first start, then loaded from disk with the same answers', async () => {
    const notebook = track(freshNotebook());
    const progress: { done: number; finished: boolean }[] = [];
    const first = track(hostFor(notebook.dataDir));
    expect(first.start((p) => progress.push(p)).origin).toBe('build');
    expect(progress.at(-1)?.finished).toBe(true);
    expect(fs.existsSync(indexPath(notebook.dataDir))).toBe(true);
    const before = first.query('Capvision raided', {});

    const second = started(notebook);
    expect(second.status.origin).toBe('disk');
    expect(second.status.documents).toBe(first.status.documents);
    const after = second.query('Capvision raided', {});
    expect(after.groups).toEqual(before.groups);
  });

  it('is rebuilt when SQLite changed while it was not running (stale)', () => {
    const notebook = track(freshNotebook());
    started(notebook).close();
    addSource(notebook, 'late-src', ['Quetzalcoatl appears in a late import.']);
    const host = started(notebook);
    expect(host.status.origin).toBe('build');
    expect(host.status.message).toMatch(/other notebook content/);
    expect(hitsOf(host.query('Quetzalcoatl', {})).map((h) => h.sourceId)).toEqual(['late-src']);
  });

  it.each([
    ['a flipped byte in the body', (b: Buffer) => void (b[b.length - 10] = b[b.length - 10]! ^ 0xff), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, 200), /cannot be read|checksum|inconsistent/],
    ['garbage', () => Buffer.from('not an index at all'), /not a Sourcebook search index/],
  ])('is rebuilt from SQLite when corrupt: %s', (_, damage, message) => {
    const notebook = track(freshNotebook());
    started(notebook).close();
    const file = indexPath(notebook.dataDir);
    const bytes = fs.readFileSync(file);
    const damaged = damage(bytes) ?? bytes;
    fs.writeFileSync(file, damaged);
    const host = started(notebook);
    expect(host.status.origin).toBe('build');
    expect(host.status.message).toMatch(message);
    expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
    // The rebuilt index was written back and loads cleanly next time.
    expect(started(notebook).status.origin).toBe('disk');
  });
});

describe('incremental updates', () => {
  it('notices a write by another process through SQLite and rebuilds', () => {
    const notebook = track(freshNotebook());
    const host = started(notebook);
    expect(host.checkExternalChanges(() => {})).toBe(false);
    addSource(notebook, 'other-process', ['Kathmandu dispatch, written while the app was open.']);
    expect(host.checkExternalChanges(() => {})).toBe(true);
    expect(hitsOf(host.query('Kathmandu', {})).map((h) => h.sourceId)).toEqual(['other-process']);
    expect(host.checkExternalChanges(() => {})).toBe(false);
  });

  it('does not rebuild for changes it was told about', () => {
    const notebook = track(freshNotebook());
    const host = started(notebook);
    follow(notebook, host);
    addSource(notebook, 'told', ['Reykjavik notes.']);
    host.flush();
    expect(host.checkExternalChanges(() => {})).toBe(false);
    expect(host.status.origin).toBe('build');
    expect(hitsOf(host.query('Reykjavik', {})).length).toBe(1);
  });

  it('indexes a new source from its change event and persists it', async () => {
    const notebook = track(freshNotebook());
    const host = started(notebook);
    const unsubscribe = follow(notebook, host);
    addSource(notebook, 'fresh-src', ['Zanzibar harbour records were seized.', 'Nothing else here.'], '2021-04-01');
    unsubscribe();
    expect(hitsOf(host.query('zanzibar seize', {})).map((h) => `${h.sourceId} ¶${h.ordinal}`)).toEqual(['fresh-src ¶1']);
    expect(hitsOf(host.query('Zanzibar from:2021 to:2021-12', {})).length).toBe(1);
    expect(hitsOf(host.query('Zanzibar to:2020', {})).length).toBe(0);
    expect(hitsOf(host.query('Test source fresh', {}), 'source')[0]?.id).toBe('fresh-src');
    await host.flush();
    const reloaded = started(notebook);
    expect(reloaded.status.origin).toBe('disk');
    expect(hitsOf(reloaded.query('Zanzibar', {})).length).toBe(1);
  });

  it('indexes notes from the notes table, and forgets deleted ones', () => {
    const notebook = track(freshNotebook());
    const hasNotes = notebook.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'note'`).get();
    const host = started(notebook);
    if (hasNotes) {
      const now = new Date().toISOString();
      notebook.db
        .prepare(
          `INSERT INTO note (id, title, document, plain_text, tags, created_at, updated_at) VALUES (?, ?, '{}', ?, '["leads"]', ?, ?)`,
        )
        .run('note-1', 'Leads on Capvision', 'Ask about the Shanghai office raid.', now, now);
      host.apply({ kind: 'note', noteId: 'note-1' });
      expect(hitsOf(host.query('shanghai raided', {}), 'note').map((h) => h.id)).toEqual(['note-1']);
      expect(hitsOf(host.query('leads', {}), 'note')[0]?.titleRanges).toEqual([{ start: 0, end: 5 }]);
      notebook.db.prepare(`UPDATE note SET deleted_at = ? WHERE id = ?`).run(now, 'note-1');
      host.apply({ kind: 'note', noteId: 'note-1' });
      expect(hitsOf(host.query('shanghai', {}), 'note')).toEqual([]);
    }
  });
});

describe('injection', () => {
  it('returns a passage containing markup as plain text with highlight ranges', () => {
    const notebook = track(freshNotebook());
    const host = started(notebook);
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script> Capvision <b>raided</b> &amp; more';
    follow(notebook, host);
    addSource(notebook, 'evil-src', [markup]);
    const hit = hitsOf(host.query('raided onerror', {}))[0]!;
    expect(hit.sourceId).toBe('evil-src');
    expect(hit.snippet.text).toBe(markup);
    const marked = hit.snippet.ranges.map((r) => hit.snippet.text.slice(r.start, r.end));
    expect(marked).toEqual(['onerror', 'raided']);
    expect(hit.matches).toEqual(hit.snippet.ranges);
    expect(JSON.stringify(hit)).not.toMatch(/<mark|&lt;/);
  });
});

describe('through the notebook (worker thread)', () => {
  it('answers search.query from the worker and reports build progress', async () => {
    const notebook = track(freshNotebook());
    const progress: TaskProgress[] = [];
    notebook.on('progress', (p) => progress.push(p));
    const response = (await notebook.host.search.query({ q: 'Capvison', limit: 3 })) as Awaited<ReturnType<typeof notebook.search.query>>;
    expect(hitsOf(response).map((h) => `${h.sourceId} ¶${h.ordinal}`)).toContain('seed-002 ¶30');
    expect(progress.some((p) => p.task === 'search-index' && p.finished)).toBe(true);
    expect(((await notebook.host.search.status({})) as { state: string }).state).toBe('ready');

    addSource(notebook, 'worker-src', ['Ouagadougou meeting notes.']);
    await notebook.search.flush();
    const found = await notebook.search.query('Ouagadougou');
    expect(hitsOf(found).map((h) => h.sourceId)).toEqual(['worker-src']);
    await expect(notebook.host.search.query({ q: 'x', limit: 0 })).rejects.toThrow(/limit/);
  });
});
