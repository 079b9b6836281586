import type { EventHub } from '../events';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import type { ProgressReport } from './host';
import { indexPath } from './indexPath';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { ApiError } from '../../../shared/errors';
import { ungroupedWorkers, type WorkerGroup, type WorkerHandle } from '../workers';

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
  /** Who starts the worker: the notebook's group, so closing the notebook stops it. */
  workers?: Pick<WorkerGroup, 'start'>;
}

export interface SearchService {
  query(q: string, options?: QueryOptions): Promise<SearchResponse>;
  /** Starts loading the index if nothing has asked for it yet. */
  status(): SearchStatus;
  /**
   * Starts loading the index, and has the worker warm its query code up once the index answers
   * (SearchHost.warmUp), now and after any restart: the shells call this, as they serve a person
   * for a while; a one-shot CLI command would only pay for it.
   */
  warmUp(): void;
  /** Waits until the index answers (ready) or cannot (failed). */
  ready(): Promise<SearchStatus>;
  rebuild(): Promise<SearchStatus>;
  /** Catches up with the change log and writes pending changes to disk now. */
  flush(): Promise<void>;
  /** Ends the worker as a crash would (the fault tests); it is started again. */
  crashWorker(): void;
  close(): void;
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
    return (backend ??= options.inline
      ? inlineBackend(init, progress, settle)
      : workerBackend(init, progress, settle, options.workers ?? ungroupedWorkers));
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
    warmUp() {
      // Read by every (re)start of the worker; a worker already running is told.
      init.warmUp = true;
      const running = backend;
      if (running) running.send({ type: 'warmUp' });
      else started();
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
 * The worker, started again through the worker helper when it dies (a crash, an out-of-memory
 * kill): the helper has already failed every waiting request as unavailable; no request waits
 * longer than its timeout.
 */
function workerBackend(
  init: WorkerInit,
  progress: (p: ProgressReport) => void,
  settle: (s: SearchStatus) => void,
  workers: Pick<WorkerGroup, 'start'>,
): Backend {
  let worker: WorkerHandle<ToWorker, FromWorker>;
  let closing = false;
  const restarts: number[] = [];
  const spawn = () => {
    worker = workers.start<ToWorker, FromWorker>({
      name: 'search',
      label: 'the search index',
      workerData: init,
      route: (message) =>
        message.type !== 'reply'
          ? undefined
          : message.error !== undefined
            ? { id: message.id, error: message.unavailable ? unavailable(message.error) : new ApiError('internal', message.error) }
            : { id: message.id, value: message.result },
      onEvent: (message) => {
        if (message.type === 'status') settle(message.status);
        else if (message.type === 'progress') progress(message.progress);
      },
      describeFailure: (failure) =>
        unavailable(
          `The search worker stopped (${'error' in failure ? failure.error.message : `exit code ${failure.exitCode}`}); it is being restarted.`,
        ),
      onFailure: (error) => restart(error),
    });
  };
  const restart = (error: ApiError) => {
    if (closing) return;
    const now = Date.now();
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      settle({
        state: 'failed',
        documents: 0,
        origin: null,
        message: `The search worker keeps stopping (${error.message}). Use Rebuild, or restart Sourcebook.`,
      });
      return;
    }
    restarts.push(now);
    settle({
      state: 'loading',
      documents: 0,
      origin: null,
      message: error.message.replace('; it is being restarted.', '; starting it again.'),
    });
    spawn();
  };
  spawn();
  return {
    send: (message) => worker.post(message),
    request: (message, timeoutMs) => worker.request((id) => ({ ...message, id }), { timeoutMs: timeoutMs ?? 0 }),
    crash: () => {
      const error = unavailable('The search worker stopped (ended as a crash would); it is being restarted.');
      void worker.close(error).then(() => restart(error));
    },
    close() {
      closing = true;
      void worker.close(unavailable('The notebook is closed.'));
    },
  };
}

function inlineBackend(init: WorkerInit, progress: (p: ProgressReport) => void, settle: (s: SearchStatus) => void): Backend {
  // Loaded here, not at the top: the engine is the worker's; a notebook opened for a command that
  // never searches should not load it.
  const started = import('./host').then(async ({ SearchHost }) => {
    const host = new SearchHost(init);
    host.onStatus = settle;
    await host.start(progress).catch(() => {});
    if (init.warmUp) void host.warmUp();
    return host;
  });
  const run = async (message: ToWorker): Promise<unknown> => {
    const host = await started;
    try {
      if (message.type === 'query') {
        if (host.outdated) host.catchUp();
        return host.query(message.q, message.options);
      }
      if (message.type === 'change') host.catchUp();
      else if (message.type === 'warmUp') void host.warmUp();
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
    close: () => void started.then((host) => host.close()),
  };
}
