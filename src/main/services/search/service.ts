import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { EventHub } from '../events';
import { ApiError } from '../../../shared/errors';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import { SearchHost, type ProgressReport } from './host';
import { indexPath } from './persist';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface SearchServiceOptions {
  dataDir: string;
  dbFile: string;
  nativeBinding?: string;
  /** Hears `changed` to keep the index current, and reports `progress` and `searchStatus`. */
  events: EventHub;
  /** Keep the index on the calling thread (tests, benchmarks); the app always uses the worker. */
  inline?: boolean;
  persistDelayMs?: number;
  /** How long a query may take, once the index is loaded, before it fails as unavailable. */
  queryTimeoutMs?: number;
  /** How long a query waits for the index to load or first build before it fails as unavailable. */
  startTimeoutMs?: number;
}

export interface SearchService {
  query(q: string, options?: QueryOptions): Promise<SearchResponse>;
  /** Starts loading the index if nothing has asked for it yet. */
  status(): SearchStatus;
  /** Waits until the index answers (ready) or cannot (failed). */
  ready(): Promise<SearchStatus>;
  rebuild(): Promise<SearchStatus>;
  /** Catches up with the change log and writes pending changes to disk now. */
  flush(): Promise<void>;
  /** Ends the worker as a crash would (the fault tests); it is started again. */
  crashWorker(): void;
  close(): void;
}

function workerEntry(): { url: URL } {
  // Bundled (Electron): the worker sits next to the main bundle. From source: through tsx.
  for (const name of ['search-worker.js', 'search-worker.mjs', 'search-worker.cjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(url)) return { url };
  }
  return { url: new URL('./worker-bootstrap.mjs', import.meta.url) };
}

const TASK = 'search-index';
const QUERY_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 180_000;
/** A worker that dies is started again, but not more often than this within a minute. */
const MAX_RESTARTS = 3;

type Request = ToWorker & { id: number };
interface Backend {
  send(message: ToWorker): void;
  request(message: Request, timeoutMs: number | null): Promise<unknown>;
  crash(): void;
  close(): void;
}

export function createSearchService(options: SearchServiceOptions): SearchService {
  const init: WorkerInit = {
    dbFile: options.dbFile,
    indexFile: indexPath(options.dataDir),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.persistDelayMs !== undefined ? { persistDelayMs: options.persistDelayMs } : {}),
  };
  const progress = (p: ProgressReport) => options.events.emit('progress', { task: TASK, ...p });
  let current: SearchStatus = { state: 'idle', documents: 0, origin: null, message: null };
  let backend: Backend | null = null;
  let closed = false;
  const waiting: ((s: SearchStatus) => void)[] = [];
  const settle = (status: SearchStatus) => {
    current = status;
    options.events.emit('searchStatus', status);
    // 'building' with documents answers from the previous index: ready enough for a query.
    if (status.state === 'ready' || status.state === 'failed') for (const resolve of waiting.splice(0)) resolve(status);
  };
  const timeout = options.queryTimeoutMs ?? QUERY_TIMEOUT_MS;
  const startTimeout = options.startTimeoutMs ?? START_TIMEOUT_MS;
  /** Resolves once the index can answer: loaded, built, or building beside a previous index. */
  const answering = (): Promise<void> => {
    const can = (s: SearchStatus) => s.state === 'ready' || s.state === 'failed' || (s.state === 'building' && s.documents > 0);
    if (can(current)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(
          unavailable(`The search index is still ${current.state === 'building' ? 'being built' : 'loading'}; try again in a moment.`),
        );
      }, startTimeout);
      const off = options.events.on('searchStatus', (s) => {
        if (!can(s)) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  };

  const started = (): Backend => {
    if (closed) throw new ApiError('unavailable', 'The notebook is closed.');
    return (backend ??= options.inline ? inlineBackend(init, progress, settle) : workerBackend(init, progress, settle));
  };
  const unsubscribe = options.events.on('changed', () => backend?.send({ type: 'change' }));

  return {
    async query(q, queryOptions = {}) {
      const backend = started();
      // Loading a large index takes a while: the time limit is for answering, not for starting.
      await answering();
      return (await backend.request({ type: 'query', id: 0, q, options: queryOptions }, timeout)) as SearchResponse;
    },
    status() {
      started();
      return current;
    },
    ready() {
      started();
      if (current.state === 'ready' || current.state === 'failed') return Promise.resolve(current);
      return new Promise((resolve) => waiting.push(resolve));
    },
    async rebuild() {
      return (await started().request({ type: 'rebuild', id: 0 }, null)) as SearchStatus;
    },
    async flush() {
      if (backend) await backend.request({ type: 'flush', id: 0 }, null);
    },
    crashWorker() {
      backend?.crash();
    },
    close() {
      closed = true;
      unsubscribe();
      backend?.close();
      backend = null;
    },
  };
}

const unavailable = (message: string) => new ApiError('unavailable', message);

/**
 * The worker, started again when it dies (a crash, an out-of-memory kill), with every waiting
 * request failed at once as unavailable; no request waits longer than its timeout.
 */
function workerBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null }>();
  let nextId = 1;
  let worker: Worker;
  let closing = false;
  const restarts: number[] = [];
  const updateRef = () => (pending.size > 0 ? worker.ref() : worker.unref());
  const finish = (id: number) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (waiter?.timer) clearTimeout(waiter.timer);
    updateRef();
    return waiter;
  };

  const spawn = () => {
    const { url } = workerEntry();
    worker = new Worker(url, { workerData: init });
    updateRef();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'status') settle(message.status);
      else if (message.type === 'progress') progress(message.progress);
      else {
        const waiter = finish(message.id);
        if (message.error !== undefined)
          waiter?.reject(message.unavailable ? unavailable(message.error) : new ApiError('internal', message.error));
        else waiter?.resolve(message.result);
      }
    });
    const died = (reason: string) => {
      if (closing) return;
      for (const id of [...pending.keys()])
        finish(id)?.reject(unavailable(`The search worker stopped (${reason}); it is being restarted.`));
      const now = Date.now();
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        settle({
          state: 'failed',
          documents: 0,
          origin: null,
          message: `The search worker keeps stopping (${reason}). Use Rebuild, or restart Sourcebook.`,
        });
        return;
      }
      restarts.push(now);
      settle({ state: 'loading', documents: 0, origin: null, message: `The search worker stopped (${reason}); starting it again.` });
      spawn();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
  };
  spawn();

  return {
    send: (message) => worker.postMessage(message),
    request(message, timeoutMs) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer =
          timeoutMs === null
            ? null
            : setTimeout(
                () =>
                  finish(id)?.reject(
                    unavailable(`Search did not answer within ${Math.round(timeoutMs / 1000)} s; the index may be busy. Try again.`),
                  ),
                timeoutMs,
              );
        pending.set(id, { resolve, reject, timer });
        updateRef();
        worker.postMessage({ ...message, id });
      });
    },
    crash: () => void worker.terminate(),
    close() {
      closing = true;
      for (const id of [...pending.keys()]) finish(id)?.reject(unavailable('The notebook is closed.'));
      void worker.terminate();
    },
  };
}

function inlineBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  const host = new SearchHost(init);
  host.onStatus = settle;
  const starting = host.start(progress).catch(() => {});
  const run = async (message: ToWorker): Promise<unknown> => {
    await starting;
    try {
      if (message.type === 'query') {
        if (host.outdated) host.catchUp();
        return host.query(message.q, message.options);
      }
      if (message.type === 'change') host.catchUp();
      else if (message.type === 'rebuild') await host.rebuild(progress);
      else if (message.type === 'flush') {
        host.catchUp();
        host.flush();
      }
      return host.status;
    } catch (error) {
      throw (error as { unavailable?: boolean }).unavailable ? unavailable((error as Error).message) : error;
    }
  };
  return {
    send: (message) => void run(message).catch(() => {}),
    request: (message) => run(message),
    crash: () => {},
    close: () => host.close(),
  };
}
