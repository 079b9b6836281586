import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ResourceLimits, Transferable, Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/errors';

/**
 * node:worker_threads is loaded when the first worker starts: a notebook opens a worker group
 * at once, but a CLI command that starts no worker should not pay for loading the module.
 */
let workerModule: typeof import('node:worker_threads') | undefined;
const workerThreads = () =>
  (workerModule ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));

/** Every worker the services run; each has its source at services/<name>/worker.ts. */
export type WorkerName = 'import' | 'search' | 'export' | 'markdown';

/**
 * Where a worker's code is, found one way for every worker. Built (Electron, the bundled CLI),
 * this module is part of out/main and the worker is the sibling bundle out/main/<name>-worker.js.
 * Run from source (tsx, vitest) a worker cannot take --import, so a bootstrap registers tsx
 * inside it and then loads services/<name>/worker.ts.
 */
export function workerEntry(name: WorkerName): { file: URL; argv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: new URL('./worker-bootstrap.mjs', import.meta.url),
      argv: [new URL(`./${name}/worker.ts`, import.meta.url).href],
    };
  }
  const bundled = new URL(`./${name}-worker.js`, import.meta.url);
  if (!fs.existsSync(bundled)) {
    throw new ApiError('unavailable', `The ${name} worker is missing from the build (${fileURLToPath(bundled)}): run npm run build.`);
  }
  return { file: bundled, argv: [] };
}

/** How a message from the worker relates to the requests waiting on it. */
export type Routed =
  /** An answer: settles request `id` with this value. */
  | { id: number; value: unknown }
  /** A failure the worker reported for request `id`. */
  | { id: number; error: ApiError }
  /** Something about request `id` on the way to its answer (progress): goes to its `onUpdate`. */
  | { id: number; update: true };

export interface WorkerOptions<Out> {
  name: WorkerName;
  /** What messages call it: "the search index". Defaults to "the <name> worker". */
  label?: string;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Ties a message to the request it is about; a message about none (status, progress) goes to onEvent. */
  route(message: Out): Routed | undefined;
  onEvent?(message: Out): void;
  /**
   * The worker stopped by itself (it threw, ran out of memory or exited): every pending request
   * has already been rejected with `error`, and every later one will be.
   */
  onFailure?(error: ApiError): void;
  /** The app's error for a worker that died, when the default ("<label> failed: …") would not say enough. */
  describeFailure?(failure: { error: Error & { code?: string } } | { exitCode: number }): ApiError;
  /** Default for requests that give none: an answer later than this rejects as `unavailable`. */
  timeoutMs?: number;
}

export interface RequestOptions<Out> {
  transfer?: readonly Transferable[];
  /** Overrides the worker's default; 0 waits as long as the work takes. */
  timeoutMs?: number;
  onUpdate?(message: Out): void;
}

export interface WorkerHandle<In, Out> {
  /** Sends `build(id)` and resolves with the answer to `id`; rejects with an ApiError, never hangs. */
  request<T>(build: (id: number) => In, options?: RequestOptions<Out>): Promise<T>;
  /** A message no one waits for an answer to (a change to apply). */
  post(message: In): void;
  /** False once the worker failed or was closed: start another to go on. */
  readonly alive: boolean;
  readonly pending: number;
  /** Resolves once the thread has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** Stops the worker; pending requests reject with `reason` (default: it was closed). Resolves once the thread has exited. */
  close(reason?: ApiError): Promise<void>;
}

interface Waiter<Out> {
  resolve(value: unknown): void;
  reject(error: ApiError): void;
  onUpdate?: (message: Out) => void;
  timer?: NodeJS.Timeout;
}

let running = 0;
/** Worker threads started in this process that have not exited yet: what a clean close leaves at zero. */
export const runningWorkers = (): number => running;

export function startWorker<In, Out>(options: WorkerOptions<Out>): WorkerHandle<In, Out> {
  const label = options.label ?? `the ${options.name} worker`;
  const entry = workerEntry(options.name);
  const worker: Worker = new (workerThreads().Worker)(entry.file, {
    workerData: options.workerData,
    argv: entry.argv,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  running++;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => running--);

  const waiting = new Map<number, Waiter<Out>>();
  let nextId = 1;
  /** Set once the worker can take no more requests; later ones reject with it. */
  let stopped: ApiError | undefined;
  let closing: Promise<void> | undefined;

  // An idle worker must never keep a finished CLI command alive; one with work pending must.
  const updateRef = () => (waiting.size > 0 ? worker.ref() : worker.unref());
  updateRef();

  const take = (id: number): Waiter<Out> | undefined => {
    const waiter = waiting.get(id);
    if (!waiter) return undefined;
    waiting.delete(id);
    clearTimeout(waiter.timer);
    updateRef();
    return waiter;
  };
  const rejectAll = (error: ApiError) => {
    for (const id of [...waiting.keys()]) take(id)!.reject(error);
  };
  const fail = (error: ApiError) => {
    if (stopped) return;
    stopped = error;
    rejectAll(error);
    options.onFailure?.(error);
  };

  worker.on('message', (message: Out) => {
    const routed = options.route(message);
    if (!routed) return options.onEvent?.(message);
    if ('update' in routed) return waiting.get(routed.id)?.onUpdate?.(message);
    const waiter = take(routed.id);
    if ('error' in routed) waiter?.reject(routed.error);
    else waiter?.resolve(routed.value);
  });
  // A reply that cannot be deserialized belongs to no request we can name: the worker is unusable.
  worker.on('messageerror', (error) => {
    fail(new ApiError('internal', `${capitalize(label)} sent a message that could not be read: ${error.message}`));
    void worker.terminate();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    fail(options.describeFailure?.({ error }) ?? new ApiError('internal', `${capitalize(label)} failed: ${error.message}`));
  });
  worker.on('exit', (exitCode) => {
    // An exit nobody asked for: a crash that raised no error event, or process.exit in the worker.
    fail(options.describeFailure?.({ exitCode }) ?? new ApiError('internal', `${capitalize(label)} stopped (exit code ${exitCode}).`));
  });

  return {
    request<T>(build: (id: number) => In, requestOptions: RequestOptions<Out> = {}): Promise<T> {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<Out> = { resolve: resolve as (value: unknown) => void, reject, onUpdate: requestOptions.onUpdate };
        const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? 0;
        if (timeoutMs > 0) {
          waiter.timer = setTimeout(() => {
            take(id)?.reject(new ApiError('unavailable', `${capitalize(label)} did not answer within ${formatSeconds(timeoutMs)}.`));
          }, timeoutMs);
        }
        waiting.set(id, waiter);
        updateRef();
        try {
          worker.postMessage(build(id), requestOptions.transfer);
        } catch (error) {
          take(id)?.reject(new ApiError('internal', `Could not send work to ${label}: ${(error as Error).message}`));
        }
      });
    },
    post(message: In) {
      if (!stopped) worker.postMessage(message);
    },
    get alive() {
      return !stopped;
    },
    get pending() {
      return waiting.size;
    },
    exited,
    close(reason?: ApiError): Promise<void> {
      if (!closing) {
        const error = reason ?? new ApiError('unavailable', `${capitalize(label)} was closed.`);
        if (!stopped) stopped = error;
        rejectAll(error);
        closing = worker.terminate().then(
          () => exited,
          () => exited,
        );
      }
      return closing;
    },
  };
}

/**
 * The workers one owner (a notebook) started: closing the group stops every one of them, so no
 * thread outlives its notebook even where a service forgot one.
 */
export interface WorkerGroup {
  start<In, Out>(options: WorkerOptions<Out>): WorkerHandle<In, Out>;
  close(): Promise<void>;
}

export function createWorkerGroup(): WorkerGroup {
  const handles = new Set<WorkerHandle<unknown, unknown>>();
  let closed = false;
  return {
    start<In, Out>(options: WorkerOptions<Out>): WorkerHandle<In, Out> {
      if (closed) throw new ApiError('unavailable', 'The notebook is closed.');
      const handle = startWorker<In, Out>(options) as WorkerHandle<unknown, unknown>;
      handles.add(handle);
      void handle.exited.then(() => handles.delete(handle));
      return handle as WorkerHandle<In, Out>;
    },
    async close() {
      closed = true;
      await Promise.all([...handles].map((h) => h.close()));
      handles.clear();
    },
  };
}

/** Services started outside a notebook (benchmarks, tests of one service) use this. */
export const ungroupedWorkers: Pick<WorkerGroup, 'start'> = { start: startWorker };

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const formatSeconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
