import type { EventHub } from '../events';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import type { ProgressReport } from './host';
import { indexPath } from './persist';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { ApiError } from '../../../shared/errors';
import { ungroupedWorkers, type WorkerGroup } from '../workers';

export interface SearchServiceOptions {
  dataDir: string;
  dbFile: string;
  nativeBinding?: string;
  /** Hears `changed` to keep the index current, and reports `progress` while it builds. */
  events: EventHub;
  /** Keep the index on the calling thread (tests, benchmarks); the app always uses the worker. */
  inline?: boolean;
  persistDelayMs?: number;
  /** Who starts the worker: the notebook's group, so closing the notebook stops it. */
  workers?: Pick<WorkerGroup, 'start'>;
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
    return (backend ??= options.inline
      ? inlineBackend(init, progress, settle)
      : workerBackend(init, progress, settle, options.workers ?? ungroupedWorkers));
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

function workerBackend(
  init: WorkerInit,
  progress: (p: ProgressReport) => void,
  settle: (s: SearchStatus) => void,
  workers: Pick<WorkerGroup, 'start'>,
): Backend {
  const worker = workers.start<ToWorker, FromWorker>({
    name: 'search',
    label: 'the search index',
    workerData: init,
    route: (message) =>
      message.type !== 'reply'
        ? undefined
        : message.error !== undefined
          ? { id: message.id, error: new ApiError('internal', message.error) }
          : { id: message.id, value: message.result },
    onEvent: (message) => {
      if (message.type === 'status') settle(message.status);
      else if (message.type === 'progress') progress(message.progress);
    },
    onFailure: (error) => settle({ state: 'failed', documents: 0, origin: null, message: error.message }),
  });
  return {
    send: (message) => worker.post(message),
    request: (message) => worker.request((id) => ({ ...message, id })),
    close: () => void worker.close(),
  };
}

function inlineBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  // Loaded here, not at the top: FlexSearch and the engine are the worker's; a notebook opened
  // for a command that never searches should not load them.
  const started = import('./host').then(({ SearchHost }) => {
    const host = new SearchHost(init);
    settle(host.start(progress));
    return host;
  });
  const run = async (message: ToWorker): Promise<unknown> => {
    const host = await started;
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
    close: () => void started.then((host) => host.close()),
  };
}
