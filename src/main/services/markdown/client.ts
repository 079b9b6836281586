import { ApiError, type ApiErrorShape } from '../../../shared/errors';
import type { SerializedNoteDocument } from '../../../shared/notes';
import { startWorker, type WorkerHandle } from '../workers';

/** A parse that takes longer than this is stopped and refused; the worker is replaced. */
export const MARKDOWN_TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 1024;

type Request = { id: number; markdown: string };
type Reply = { id: number; document?: SerializedNoteDocument; error?: ApiErrorShape };

let worker: WorkerHandle<Request, Reply> | null = null;

/** One Markdown worker per process, started on first use through the worker helper; it never keeps a finished CLI alive. */
function ensureWorker(): WorkerHandle<Request, Reply> {
  if (worker?.alive) return worker;
  worker = startWorker<Request, Reply>({
    name: 'markdown',
    label: 'the Markdown reader',
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    route: (message) =>
      message.error ? { id: message.id, error: ApiError.from(message.error) } : { id: message.id, value: message.document },
    describeFailure: (failure) =>
      'error' in failure && failure.error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ApiError('too_large', 'The Markdown needs more memory to read than a note may use.')
        : new ApiError('internal', 'The Markdown reader stopped unexpectedly.'),
  });
  return worker;
}

/** Markdown to a note document, parsed in a worker thread with a time and memory limit. */
export async function markdownToDocumentOffThread(markdown: string, timeLimitMs = MARKDOWN_TIME_LIMIT_MS): Promise<SerializedNoteDocument> {
  const handle = ensureWorker();
  // Past the limit the worker is stopped (a hostile draft must not hold it) and the next parse starts another.
  const timer = setTimeout(() => {
    if (worker === handle) worker = null;
    void handle.close(
      new ApiError('too_large', `The Markdown took longer than ${Math.round(timeLimitMs / 1000)} s to read; nothing was saved.`),
    );
  }, timeLimitMs);
  try {
    return await handle.request<SerializedNoteDocument>((id) => ({ id, markdown }));
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the worker (tests, and a shell closing). */
export async function closeMarkdownWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.close();
}
