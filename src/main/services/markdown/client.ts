import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorShape } from '../../../shared/errors';
import type { SerializedNoteDocument } from '../../../shared/notes';

/** A parse that takes longer than this is stopped and refused; the worker is replaced. */
export const MARKDOWN_TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 1024;

function workerUrl(): URL {
  // Bundled (Electron): the worker sits next to the main bundle. From source: through tsx.
  for (const name of ['markdown-worker.js', 'markdown-worker.mjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(url)) return url;
  }
  return new URL('./worker-bootstrap.mjs', import.meta.url);
}

type Reply = { id: number; document?: SerializedNoteDocument; error?: ApiErrorShape };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (d: SerializedNoteDocument) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

function failAll(error: ApiError): void {
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(error);
  }
  pending.clear();
  worker = null;
}

/** One Markdown worker per process, started on first use; it never keeps a finished CLI alive. */
function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB } });
  started.on('message', (message: Reply) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (pending.size === 0) started.unref();
    if (message.error) waiting.reject(ApiError.from(message.error));
    else waiting.resolve(message.document!);
  });
  started.on('error', (error: Error & { code?: string }) =>
    failAll(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ApiError('too_large', 'The Markdown needs more memory to read than a note may use.')
        : new ApiError('internal', `Reading the Markdown failed: ${error.message}`),
    ),
  );
  started.on('exit', () => {
    if (worker === started) failAll(new ApiError('internal', 'The Markdown reader stopped unexpectedly.'));
  });
  started.unref();
  worker = started;
  return started;
}

/** Markdown to a note document, parsed in a worker thread with a time and memory limit. */
export function markdownToDocumentOffThread(markdown: string, timeLimitMs = MARKDOWN_TIME_LIMIT_MS): Promise<SerializedNoteDocument> {
  const w = ensureWorker();
  const id = nextId++;
  w.ref();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (worker === w) worker = null;
      void w.terminate();
      failAll(new ApiError('too_large', `The Markdown took longer than ${Math.round(timeLimitMs / 1000)} s to read; nothing was saved.`));
    }, timeLimitMs);
    pending.set(id, { resolve, reject, timer });
    w.postMessage({ id, markdown });
  });
}

/** Stops the worker (tests, and a shell closing). */
export async function closeMarkdownWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
