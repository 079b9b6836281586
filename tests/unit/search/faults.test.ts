import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openNotebook } from '../../../src/main/services/notebook';
import { createEventHub } from '../../../src/main/services/events';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import type { SearchHost } from '../../../src/main/services/search/host';
import { indexPath } from '../../../src/main/services/search/persist';
import { createSearchService } from '../../../src/main/services/search/service';
import type { SearchStatus } from '../../../src/shared/search';
import { RESOURCES } from '../helpers';
import { addSource, freshNotebook, hitsOf, hostFor } from './helpers';

// Worker threads and CLI processes start slowly on a loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

/** The fault suite's search part (issue 13): the index file damaged or unwritable, the worker killed, two writers. */
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

const tempFiles = (dataDir: string) => fs.readdirSync(path.dirname(indexPath(dataDir))).filter((n) => n.endsWith('.tmp'));

describe('the index file, damaged mid-run', () => {
  it('deleted: search keeps answering, the next write puts it back, a restart misses nothing', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    fs.rmSync(indexPath(notebook.dataDir));
    addSource(notebook, 'after-delete', ['Timbuktu ledger written after the index file vanished.']);
    host.catchUp();
    expect(hitsOf(host.query('Timbuktu')).length).toBe(1);
    host.flush();
    expect(fs.existsSync(indexPath(notebook.dataDir))).toBe(true);
    host.close();
    const again = await started(notebook.dataDir);
    expect(again.status.origin).toBe('disk');
    expect(hitsOf(again.query('Timbuktu')).length).toBe(1);
    expect(hitsOf(again.query('Capvision')).length).toBeGreaterThan(0);
  });

  it('garbled: search keeps answering, and a restart rebuilds with everything', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    fs.writeFileSync(indexPath(notebook.dataDir), Buffer.alloc(4096, 0x41));
    addSource(notebook, 'after-garble', ['Samarkand caravan notes.']);
    host.catchUp();
    expect(hitsOf(host.query('Samarkand')).length).toBe(1);
    host.close();
    const again = await started(notebook.dataDir);
    expect(again.status.origin).toBe('build');
    expect(again.status.message).toMatch(/not a Sourcebook search index/);
    expect(hitsOf(again.query('Samarkand')).length).toBe(1);
  });
});

describe('a failed write of the index', () => {
  it('is reported, leaves no temporary file, keeps answering from memory, and succeeds once the path is free', async () => {
    const notebook = track(freshNotebook());
    const host = await started(notebook.dataDir);
    const file = indexPath(notebook.dataDir);
    fs.rmSync(file);
    fs.mkdirSync(file);
    addSource(notebook, 'unsaved', ['Valparaiso cable, indexed while the index file cannot be written.']);
    host.catchUp();
    host.persist();
    expect(host.status.persistError).toMatch(/could not be saved \(a folder is in its place\)/);
    expect(host.status.state).toBe('ready');
    expect(tempFiles(notebook.dataDir)).toEqual([]);
    expect(hitsOf(host.query('Valparaiso')).length).toBe(1);
    fs.rmdirSync(file);
    host.persist();
    expect(host.status.persistError).toBeNull();
    expect(fs.statSync(file).isFile()).toBe(true);
  });

  it('leftover temporary files from a crash are removed at start', async () => {
    const notebook = track(freshNotebook());
    (await started(notebook.dataDir)).close();
    const leftover = path.join(path.dirname(indexPath(notebook.dataDir)), '.index.sbidx.deadbeef.tmp');
    fs.writeFileSync(leftover, 'half a file');
    await started(notebook.dataDir);
    expect(fs.existsSync(leftover)).toBe(false);
  });
});

describe('the search worker', () => {
  it('is started again after it is killed, and fails waiting queries as unavailable instead of hanging', async () => {
    const notebook = track(freshNotebook());
    await notebook.search.ready();
    const statuses: SearchStatus[] = [];
    notebook.on('searchStatus', (s) => statuses.push(s));
    const waiting = notebook.search.query('Capvision');
    notebook.search.crashWorker();
    await waiting.then(
      (response) => expect(hitsOf(response).length).toBeGreaterThan(0), // answered before the kill landed
      (error: { code?: string; message: string }) => {
        expect(error.code).toBe('unavailable');
        expect(error.message).toMatch(/search worker stopped/);
      },
    );
    await new Promise<void>((resolve) => {
      const off = notebook.on('searchStatus', (s) => s.state === 'ready' && (off(), resolve()));
    });
    expect(statuses.some((s) => s.state === 'loading' && /starting it again/.test(s.message ?? ''))).toBe(true);
    expect(hitsOf(await notebook.search.query('Capvision')).length).toBeGreaterThan(0);
  });

  it('answers a query it cannot answer in time with unavailable, never a hang', async () => {
    const notebook = track(freshNotebook());
    const service = track(
      createSearchService({
        dataDir: notebook.dataDir,
        dbFile: path.join(notebook.dataDir, DATABASE_FILE),
        events: createEventHub(),
        startTimeoutMs: 1,
      }),
    );
    // The worker is still loading its code: it cannot be ready within 1 ms.
    await expect(service.query('Capvision')).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/still loading/),
    });
  });
});

describe('two processes writing', () => {
  it("sees a second connection's commits made while the app saves, and after a restart nothing is missing", async () => {
    const app = track(freshNotebook());
    await app.search.ready();
    // A CLI-style second connection to the same notebook.
    const cli = track(openNotebook({ dataDir: app.dataDir, resourcesDir: RESOURCES }));
    const note = await app.host.notes.createFromMarkdown({ title: 'Harbour leads', markdown: 'Ask about the Mombasa consignment.' });
    addSource(cli, 'cli-import', ['Mombasa consignment manifest imported from the command line.']);
    await app.host.notes.createFromMarkdown({ title: 'More leads', markdown: 'Djibouti transfer to check.' });
    addSource(cli, 'cli-import-2', ['Djibouti transfer records.']);

    const found = await app.search.query('Mombasa');
    expect(hitsOf(found).map((h) => h.sourceId)).toContain('cli-import');
    expect(hitsOf(found, 'note').map((h) => h.id)).toContain(note.id);
    expect(hitsOf(await app.search.query('Djibouti')).map((h) => h.sourceId)).toContain('cli-import-2');
    await app.search.flush();
    app.close();
    addSource(cli, 'while-closed', ['Zanzibar cable committed while the app was closed.']);
    cli.close();

    const reopened = track(openNotebook({ dataDir: app.dataDir, resourcesDir: RESOURCES }));
    const status = await reopened.search.ready();
    expect(status.origin).toBe('disk');
    for (const [q, id] of [
      ['Mombasa', 'cli-import'],
      ['Djibouti', 'cli-import-2'],
      ['Zanzibar', 'while-closed'],
    ] as const) {
      expect(hitsOf(await reopened.search.query(q)).map((h) => h.sourceId)).toContain(id);
    }
    expect(hitsOf(await reopened.search.query('Harbour leads'), 'note').length).toBe(1);
  });
});
