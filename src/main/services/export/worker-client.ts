import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import type { RenderJob, RenderOutput } from './render-job';

function workerUrl(): URL {
  // Bundled (Electron): the worker sits next to the main bundle. From source: through tsx.
  for (const name of ['export-worker.js', 'export-worker.mjs', 'export-worker.cjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(url)) return url;
  }
  return new URL('./worker-bootstrap.mjs', import.meta.url);
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: RenderOutput) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

/** One export worker per process, started on first use; it never keeps a finished CLI alive. */
function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(workerUrl());
  started.on('message', (message: { id: number; result?: RenderOutput; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.error !== undefined) waiting.reject(new ApiError('internal', `Export failed: ${message.error}`));
    else waiting.resolve(message.result!);
  });
  started.on('error', (error) => failAll(new ApiError('internal', `The export worker failed: ${error.message}`)));
  started.on('exit', (code) => failAll(new ApiError('internal', `The export worker stopped (exit code ${code}).`)));
  started.unref();
  worker = started;
  return started;
}

export function renderInWorker(job: RenderJob): Promise<RenderOutput> {
  const w = ensureWorker();
  const id = nextId++;
  w.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, job });
  });
}
