import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { SearchHost } from '../../../src/main/services/search/host';
import { indexPath } from '../../../src/main/services/search/persist';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import type { TaskProgress } from '../../../src/shared/domain';
import { addSource, freshNotebook, hitsOf, hostFor } from './helpers';

// Worker threads and CLI processes start slowly on a loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
afterEach(() => {
  for (const x of open.splice(0).reverse()) x.close();
});

async function started(dataDir: string): Promise<SearchHost> {
  const host = track(hostFor(dataDir));
  await host.start(() => {});
  return host;
}

describe('the persisted index', () => {
  it('is built on first start, then loaded from disk with the same answers', async () => {
    const notebook = track(freshNotebook());
    const progress: { done: number; finished: boolean }[] = [];
    const first = track(hostFor(notebook.dataDir));
    expect((await first.start((p) => progress.push(p))).origin).toBe('build');
    expect(progress.at(-1)?.finished).toBe(true);
    expect(fs.existsSync(indexPath(notebook.dataDir))).toBe(true);
    const before = first.query('Capvision raided', {});

    const second = await started(notebook.dataDir);
    expect(second.status.origin).toBe('disk');
    expect(second.status.documents).toBe(first.status.documents);
    expect(second.query('Capvision raided', {}).groups).toEqual(before.groups);
  });

  it('catches up from the change log when SQLite changed while it was not running, without a rebuild', async () => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    addSource(notebook, 'late-src', ['Quetzalcoatl appears in a late import.']);
    const host = await started(notebook.dataDir);
    expect(host.status.origin).toBe('disk');
    expect(hitsOf(host.query('Quetzalcoatl', {})).map((h) => h.sourceId)).toEqual(['late-src']);
    expect(host.status.seq).toBe((notebook.db.prepare('SELECT max(seq) AS s FROM change_log').get() as { s: number }).s);
  });

  it.each([
    ['a flipped byte in the body', (b: Buffer) => void (b[b.length - 10] = b[b.length - 10]! ^ 0xff), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, 200), /cannot be read|checksum|inconsistent/],
    ['garbage', () => Buffer.from('not an index at all'), /not a Sourcebook search index/],
  ])('is rebuilt from SQLite when corrupt: %s', async (_, damage, message) => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const file = indexPath(notebook.dataDir);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, damage(bytes) ?? bytes);
    const host = await started(notebook.dataDir);
    expect(host.status.origin).toBe('build');
    expect(host.status.message).toMatch(message);
    expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
    // The rebuilt index was written back and loads cleanly next time.
    expect((await started(notebook.dataDir)).status.origin).toBe('disk');
  });
});

/** Where a section's bytes start in an index file (magic line, header length, JSON header, 8-byte aligned sections). */
function sectionAt(file: Buffer, name: string): { at: number; bytes: number } {
  const magic = 'SBSEARCH\n'.length;
  const headerLength = file.readUInt32LE(magic);
  const header = JSON.parse(file.subarray(magic + 4, magic + 4 + headerLength).toString('utf8')) as {
    sections: { name: string; bytes: number }[];
  };
  let at = magic + 4 + headerLength;
  for (const s of header.sections) {
    if (s.name === name) return { at, bytes: s.bytes };
    at += s.bytes + ((8 - (s.bytes % 8)) % 8);
  }
  throw new Error(`no section ${name}`);
}

describe('checksums of the bulk sections, checked while the index answers', () => {
  it('a sound file is checked in the background and stays loaded', async () => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const host = track(
      new SearchHost({ dbFile: path.join(notebook.dataDir, DATABASE_FILE), indexFile: indexPath(notebook.dataDir), checkLaterFrom: 0 }),
    );
    expect((await host.start(() => {})).origin).toBe('disk');
    await host.checked;
    expect(host.status).toMatchObject({ state: 'ready', origin: 'disk', message: null });
    expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
  });

  it.each(['terms:docs', 'terms:spans', 'tokens:0'])(
    'a damaged %s section is found after the start, the index dropped and rebuilt',
    async (name) => {
      const notebook = track(freshNotebook());
      (await started(notebook.dataDir)).close();
      const file = indexPath(notebook.dataDir);
      const bytes = fs.readFileSync(file);
      const section = sectionAt(bytes, name);
      bytes[section.at + Math.floor(section.bytes / 2)]! ^= 0x5a;
      fs.writeFileSync(file, bytes);
      const host = track(new SearchHost({ dbFile: path.join(notebook.dataDir, DATABASE_FILE), indexFile: file, checkLaterFrom: 0 }));
      // Loaded at once: the bulk sections' checksums come after.
      expect((await host.start(() => {})).origin).toBe('disk');
      // Settles once the check has failed and the rebuild it started is done.
      await host.checked;
      expect(host.status).toMatchObject({ state: 'ready', origin: 'build' });
      expect(host.status.message).toContain(`fails its checksum (section ${name})`);
      expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
      host.flush();
      // The rebuilt index was written back and passes every check next time.
      const next = track(new SearchHost({ dbFile: path.join(notebook.dataDir, DATABASE_FILE), indexFile: file, checkLaterFrom: 0 }));
      expect((await next.start(() => {})).origin).toBe('disk');
      await next.checked;
      expect(next.status).toMatchObject({ origin: 'disk', message: null });
    },
  );
});

describe('checksums of the sections checked before loading', () => {
  // The sections are read side by side; metadata and columns are still checked before anything is built from them.
  it.each(['meta', 'col:tokStart', 'vocab:df'])('a damaged %s section is rebuilt from SQLite at once, saying which', async (name) => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const file = indexPath(notebook.dataDir);
    const bytes = fs.readFileSync(file);
    const section = sectionAt(bytes, name);
    bytes[section.at + Math.floor(section.bytes / 2)]! ^= 0x5a;
    fs.writeFileSync(file, bytes);
    const host = await started(notebook.dataDir);
    expect(host.status).toMatchObject({ state: 'ready', origin: 'build' });
    expect(host.status.message).toContain(`fails its checksum (section ${name})`);
    expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
  });
});

describe('closed while it reads its file', () => {
  it('stops there, without an error and without touching the closed database', async () => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const host = hostFor(notebook.dataDir);
    const starting = host.start(() => {});
    host.close();
    await expect(starting).resolves.toMatchObject({ state: 'loading' });
  });
});

describe('a read that fails while the sections are read side by side', () => {
  it('is a clear reason to rebuild, and nothing else fails (no read left unhandled)', async () => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const file = indexPath(notebook.dataDir);
    const bulk = sectionAt(fs.readFileSync(file), 'terms:docs');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const realRead = fs.read;
    // The bulk section's read fails (a disk error) while the metadata's succeeds.
    const spy = vi.spyOn(fs, 'read').mockImplementation(((...args: unknown[]) => {
      const position = args[4] as number;
      const done = args[5] as (error: NodeJS.ErrnoException | null, n: number) => void;
      if (position >= bulk.at && position < bulk.at + bulk.bytes)
        return void setImmediate(() => done(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }), 0));
      return (realRead as (...a: unknown[]) => void)(...args);
    }) as typeof fs.read);
    try {
      const host = await started(notebook.dataDir);
      expect(host.status).toMatchObject({ state: 'ready', origin: 'build' });
      expect(host.status.message).toContain('cannot be read: EIO: i/o error, read');
      expect(hitsOf(host.query('Capvision', {})).length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    // A turn of the event loop for any late report.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});

describe('incremental updates', () => {
  it('catches up with a commit by another connection, and only once', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    expect(host.catchUp()).toBe(false);
    addSource(notebook, 'other-process', ['Kathmandu dispatch, written while the app was open.']);
    expect(host.outdated).toBe(true);
    expect(host.catchUp()).toBe(true);
    expect(host.status.origin).toBe('build');
    expect(hitsOf(host.query('Kathmandu', {})).map((h) => h.sourceId)).toEqual(['other-process']);
    expect(host.catchUp()).toBe(false);
  });

  it('indexes a new source and persists it', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    addSource(notebook, 'fresh-src', ['Zanzibar harbour records were seized.', 'Nothing else here.'], '2021-04-01');
    host.catchUp();
    expect(hitsOf(host.query('zanzibar seize', {})).map((h) => `${h.sourceId} ¶${h.ordinal}`)).toEqual(['fresh-src ¶1']);
    expect(hitsOf(host.query('Zanzibar from:2021 to:2021-12', {})).length).toBe(1);
    expect(hitsOf(host.query('Zanzibar to:2020', {})).length).toBe(0);
    expect(hitsOf(host.query('Test source fresh', {}), 'source')[0]?.id).toBe('fresh-src');
    host.flush();
    const reloaded = await started(notebook.dataDir);
    expect(reloaded.status.origin).toBe('disk');
    expect(hitsOf(reloaded.query('Zanzibar', {})).length).toBe(1);
  });

  it('indexes notes from the notes table, and forgets deleted ones', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    const now = new Date().toISOString();
    notebook.db
      .prepare(`INSERT INTO note (id, title, document, plain_text, tags, created_at, updated_at) VALUES (?, ?, '{}', ?, '["leads"]', ?, ?)`)
      .run('note-1', 'Leads on Capvision', 'Ask about the Shanghai office raid.', now, now);
    host.catchUp();
    expect(hitsOf(host.query('shanghai raided', {}), 'note').map((h) => h.id)).toEqual(['note-1']);
    expect(hitsOf(host.query('leads', {}), 'note')[0]?.titleRanges).toEqual([{ start: 0, end: 5 }]);
    notebook.db.prepare(`UPDATE note SET deleted_at = ? WHERE id = ?`).run(now, 'note-1');
    host.catchUp();
    expect(hitsOf(host.query('shanghai', {}), 'note')).toEqual([]);
  });
});

describe('injection', () => {
  it('returns a passage containing markup as plain text with highlight ranges', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script> Capvision <b>raided</b> &amp; more';
    addSource(notebook, 'evil-src', [markup]);
    host.catchUp();
    const hit = hitsOf(host.query('raided onerror', {}))[0]!;
    expect(hit.sourceId).toBe('evil-src');
    expect(hit.snippet.text).toBe(markup);
    expect(hit.snippet.ranges.map((r) => hit.snippet.text.slice(r.start, r.end))).toEqual(['onerror', 'raided']);
    expect(hit.matches).toEqual(hit.snippet.ranges);
    expect(JSON.stringify(hit)).not.toMatch(/<mark|&lt;/);
  });
});

describe('through the notebook (worker thread)', () => {
  it('answers search.query from the worker and reports build progress and status', async () => {
    const notebook = track(freshNotebook());
    const progress: TaskProgress[] = [];
    const states: string[] = [];
    notebook.on('progress', (p) => progress.push(p));
    notebook.on('searchStatus', (s) => states.push(s.state));
    await notebook.search.ready();
    const response = await notebook.host.search.query({ q: 'Capvison', limit: 3 });
    expect(hitsOf(response).map((h) => `${h.sourceId} ¶${h.ordinal}`)).toContain('seed-002 ¶30');
    expect(progress.some((p) => p.task === 'search-index' && p.finished)).toBe(true);
    expect(states).toContain('ready');
    expect((await notebook.host.search.status({})).state).toBe('ready');

    addSource(notebook, 'worker-src', ['Ouagadougou meeting notes.']);
    const found = await notebook.search.query('Ouagadougou');
    expect(hitsOf(found).map((h) => h.sourceId)).toEqual(['worker-src']);
    await expect(notebook.host.search.query({ q: 'x', limit: 0 })).rejects.toThrow(/limit/);
  });
});
