import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/errors';
import type { ImportSummary } from '../../src/shared/imports';
import { createWorkerGroup, runningWorkers, startWorker, type WorkerHandle } from '../../src/main/services/workers';
import { DATABASE_FILE } from '../../src/main/services/store/db';
import { indexPath } from '../../src/main/services/search/persist';
import { freshNotebook, tempDir } from './helpers';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const x of opened.splice(0)) await x.close();
});

type Reply = { id: number; result?: unknown; error?: string };
const exportRoute = (message: Reply) =>
  message.error !== undefined
    ? { id: message.id, error: new ApiError('internal', message.error) }
    : { id: message.id, value: message.result };

/** The search worker answers requests with type 'reply'; a 'change' it applies without answering. */
function searchWorker(timeoutMs?: number): WorkerHandle<object, { type: string; id?: number; result?: unknown }> {
  const nb = freshNotebook();
  opened.push(nb);
  const handle = startWorker<object, { type: string; id?: number; result?: unknown }>({
    name: 'search',
    workerData: { dbFile: path.join(nb.dataDir, DATABASE_FILE), indexFile: indexPath(nb.dataDir) },
    route: (m) => (m.type === 'reply' ? { id: m.id!, value: m.result } : undefined),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  opened.push(handle);
  return handle;
}

// Workers start from source here (each compiles its TypeScript through tsx): slow on a busy machine.
describe('the worker helper', { timeout: 120_000 }, () => {
  it('answers a request, and turns an error the worker reports into an ApiError', async () => {
    const handle = startWorker<{ id: number; job: unknown }, Reply>({ name: 'export', route: exportRoute });
    opened.push(handle);
    const failed = handle.request((id) => ({ id, job: { model: null } }));
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ code: 'internal' });
    expect(handle.alive).toBe(true);
    expect(handle.pending).toBe(0);
  });

  it('rejects every pending request with a clear error when the worker dies, and every later one', async () => {
    const failures: ApiError[] = [];
    // The import worker opens its database as it starts; a file under a regular file cannot be made.
    const blocker = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const handle = startWorker<object, { taskId: number }>({
      name: 'import',
      workerData: { dbFile: path.join(blocker, 'notebook.sqlite') },
      route: (m) => ({ id: m.taskId, value: m }),
      onFailure: (error) => failures.push(error),
    });
    const first = handle.request((taskId) => ({ type: 'import', taskId }));
    const second = handle.request((taskId) => ({ type: 'import', taskId }));
    await expect(first).rejects.toThrow(/^The import worker failed: /);
    await expect(second).rejects.toThrow(/^The import worker failed: /);
    await handle.exited;
    expect(failures).toHaveLength(1);
    expect(handle.alive).toBe(false);
    await expect(handle.request((taskId) => ({ type: 'import', taskId }))).rejects.toBe(failures[0]);
  });

  it('rejects a request the worker never answers once its time is up, as unavailable', async () => {
    const handle = searchWorker(200);
    // A change is applied without a reply: the request can only end by its timeout.
    const change = handle.request((id) => ({ type: 'change', id, change: { kind: 'note', noteId: 'n-none' } }));
    await expect(change).rejects.toMatchObject({ code: 'unavailable', message: 'The search worker did not answer within 200 ms.' });
    // The worker is still there and answers the next question.
    await expect(handle.request((id) => ({ type: 'flush', id }), { timeoutMs: 0 })).resolves.toMatchObject({ state: 'ready' });
  });

  it('close() rejects what is pending and resolves once the thread has exited', async () => {
    const handle = searchWorker();
    const before = runningWorkers();
    const pending = handle.request((id) => ({ type: 'change', id, change: { kind: 'note', noteId: 'n-none' } }));
    const rejected = expect(pending).rejects.toMatchObject({ code: 'unavailable', message: 'The search worker was closed.' });
    await handle.close();
    await rejected;
    expect(runningWorkers()).toBe(before - 1);
    await expect(handle.request((id) => ({ type: 'flush', id }))).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('a group stops every worker it started, and starts none after', async () => {
    const group = createWorkerGroup();
    const before = runningWorkers();
    group.start({ name: 'export', route: exportRoute });
    group.start({ name: 'export', route: exportRoute });
    expect(runningWorkers()).toBe(before + 2);
    await group.close();
    expect(runningWorkers()).toBe(before);
    expect(() => group.start({ name: 'export', route: exportRoute })).toThrow(/closed/);
  });
});

describe('closing a notebook', { timeout: 120_000 }, () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('starts no worker for calls that need none', async () => {
    const nb = freshNotebook();
    opened.push(nb);
    const before = runningWorkers();
    await nb.host.sources.list({});
    await nb.host.entities.list({});
    await nb.host.notes.create({ title: 'No worker needed' });
    await nb.host.export.bibliography({ format: 'bibtex' });
    expect(runningWorkers()).toBe(before);
  });

  it('stops the import, export and search workers it started: no thread is left', async () => {
    const nb = freshNotebook();
    const before = runningWorkers();
    const note = await nb.host.notes.create({ title: 'Worker check' });
    await nb.host.export.preview({ noteIds: [note.id] });
    await nb.host.search.query({ q: 'ministry' });
    // The import comes last: its idle pool closes after a while, however slowly the export ran.
    await nb.host.imports.importFiles({ files: [{ fileName: 'a.txt', base64: b64('Alpha\n\nThe Ministry of State Security.') }] });
    // The import worker stays for the next file, the export worker for the next export.
    expect(runningWorkers()).toBe(before + 3);
    nb.close();
    await nb.closed();
    expect(runningWorkers()).toBe(before);
  });

  it('ends an import in progress: its files come back cancelled, nothing hangs', async () => {
    const nb = freshNotebook();
    const before = runningWorkers();
    const started = new Promise<void>((resolve) => {
      const off = nb.on('progress', (p) => {
        if (!p.task.startsWith('import:closing:')) return;
        off();
        resolve();
      });
    });
    const files = Array.from({ length: 8 }, (_, i) => ({ fileName: `f${i}.txt`, base64: b64(`Doc ${i}\n\n${'word '.repeat(2000)}`) }));
    const running = nb.host.imports.importFiles({ jobId: 'closing', files });
    await started;
    nb.close();
    const summary: ImportSummary | Error = await running.catch((error: Error) => error);
    // Either the summary lists the files as cancelled, or the call fails as the notebook closed under it.
    if (summary instanceof Error) expect(ApiError.from(summary).message).toMatch(/closed|not open/);
    else expect(summary.failures.some((f) => /cancelled/.test(f.reason))).toBe(true);
    await nb.closed();
    expect(runningWorkers()).toBe(before);
    await expect(nb.host.sources.list({})).rejects.toMatchObject({ code: 'unavailable', message: 'The notebook is closed.' });
  });
});
