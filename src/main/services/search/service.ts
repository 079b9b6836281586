import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { EventHub } from '../events';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import { SearchHost, type ProgressReport } from './host';
import { indexPath } from './persist';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface SearchServiceOptions {
  dataDir: string;
  dbFile: string;
  nativeBinding?: string;
  /** Hears `changed` to keep the index current, and reports `progress` while it builds. */
  events: EventHub;
  /** Keep the index on the calling thread (tests, benchmarks); the app always uses the worker. */
  inline?: boolean;
  persistDelayMs?: number;
}

export interface SearchService {
  query(q: string, options?: QueryOptions): Promise<SearchResponse>;
  /** Starts loading the index if nothing has asked for it yet. */
  status(): SearchStatus;
  ready(): Promise<SearchStatus>;
  rebuild(): Promise<SearchStatus>;
  /** Writes pending incremental changes to disk now instead of after they settle. */
  flush(): Promise<void>;
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
    if (status.state === 'ready' || status.state === 'failed') for (const resolve of waiting.splice(0)) resolve(status);
  };

  const started = (): Backend => {
    if (closed) throw new Error('The notebook is closed.');
    return (backend ??= options.inline ? inlineBackend(init, progress, settle) : workerBackend(init, progress, settle));
  };
  const unsubscribe = options.events.on('changed', ({ changes }) => {
    for (const change of changes) backend?.send({ type: 'change', change });
  });

  return {
    async query(q, queryOptions = {}) {
      const result = await started().request({ type: 'query', id: 0, q, options: queryOptions });
      return result as SearchResponse;
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
      return (await started().request({ type: 'rebuild', id: 0 })) as SearchStatus;
    },
    async flush() {
      if (backend) await backend.request({ type: 'flush', id: 0 });
    },
    close() {
      closed = true;
      unsubscribe();
      backend?.close();
      backend = null;
    },
  };
}

interface Backend {
  send(message: ToWorker): void;
  request(message: ToWorker & { id: number }): Promise<unknown>;
  close(): void;
}

function workerBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  const { url } = workerEntry();
  const worker = new Worker(url, { workerData: init });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  // The worker must not keep a finished CLI command alive, but must while an answer is awaited.
  const updateRef = () => (pending.size > 0 ? worker.ref() : worker.unref());
  updateRef();
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'status') settle(message.status);
    else if (message.type === 'progress') progress(message.progress);
    else {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      updateRef();
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    }
  });
  const fail = (error: Error) => {
    settle({ state: 'failed', documents: 0, origin: null, message: error.message });
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => code !== 0 && fail(new Error(`The search worker stopped (exit code ${code}).`)));
  return {
    send: (message) => worker.postMessage(message),
    request(message) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        updateRef();
        worker.postMessage({ ...message, id });
      });
    },
    close() {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}

function inlineBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  const host = new SearchHost(init);
  settle(host.start(progress));
  const run = async (message: ToWorker): Promise<unknown> => {
    if (message.type === 'query') return host.query(message.q, message.options);
    if (message.type === 'change') host.apply(message.change);
    else if (message.type === 'rebuild') host.rebuild(progress);
    else host.flush();
    settle(host.status);
    return host.status;
  };
  return {
    send: (message) => void run(message),
    request: run,
    close: () => host.close(),
  };
}
