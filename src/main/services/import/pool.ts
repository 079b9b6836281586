import { ApiError } from '../../../shared/errors';
import { ungroupedWorkers, type WorkerGroup, type WorkerHandle } from '../workers';
import type { Committed } from './commit';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker-protocol';

export interface PoolLimits {
  /** Parallel workers; each has its own heap and database connection. */
  size: number;
  /** Per file, for reading and parsing; the commit, once started, always finishes. */
  timeLimitMs: number;
  memoryLimitMb: number;
}

export type Outcome = { ok: true; result: Committed } | { ok: false; reason: string; existingSourceId?: string };

type ImportWorker = WorkerHandle<WorkerTask, WorkerReply>;
type Finished = Extract<WorkerReply, { type: 'done' | 'failed' }>;

interface Slot {
  worker: ImportWorker;
  /** The task it runs now; undefined while idle. */
  task?: { taskId: number; committing: boolean };
}

export class ImportWorkerPool {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: { start: (slot: number) => void; cancel: () => void }[] = [];
  private closed = false;

  constructor(
    private readonly init: WorkerInit,
    private readonly limits: PoolLimits,
    private readonly workers: Pick<WorkerGroup, 'start'> = ungroupedWorkers,
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(1, limits.size)).fill(undefined);
  }

  private spawn(index: number): Slot {
    const worker = this.workers.start<WorkerTask, WorkerReply>({
      name: 'import',
      label: 'the import reader',
      workerData: this.init,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryLimitMb },
      // Every message names its task; 'done' and 'failed' answer it, the rest are on the way.
      route: (message) =>
        message.type === 'done' || message.type === 'failed'
          ? { id: message.taskId, value: message }
          : { id: message.taskId, update: true },
      // The file being read fails with the reason; the slot gets a fresh worker for the next file.
      describeFailure: (failure) =>
        new ApiError(
          'internal',
          'exitCode' in failure
            ? 'could not be read (the reader stopped unexpectedly)'
            : failure.error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `needs more memory than an import may use (${this.limits.memoryLimitMb} MB); the file is too large or too complex`
              : `could not be read (the reader failed: ${failure.error.message})`,
        ),
      onFailure: () => this.discard(index, slot),
    });
    const slot: Slot = { worker };
    this.slots[index] = slot;
    return slot;
  }

  /** A worker that died or was stopped leaves its slot; the next file starts a new one. */
  private discard(index: number, expected: Slot, reason?: string): void {
    if (this.slots[index] !== expected) return;
    this.slots[index] = undefined;
    void expected.worker.close(reason === undefined ? undefined : new ApiError('internal', reason));
  }

  private pump(): void {
    if (this.closed) return;
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      if (this.slots[i]?.task) continue;
      this.queue.shift()!.start(i);
    }
  }

  run(
    task: Omit<WorkerTask, 'type' | 'taskId'>,
    onProgress: (fraction: number, label: string) => void,
    signal: AbortSignal,
  ): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      if (signal.aborted || this.closed) return resolve({ ok: false, reason: 'cancelled before it was imported' });
      let running: { index: number; slot: Slot } | undefined;
      let settled = false;
      const done = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const queued = {
        cancel: () => done({ ok: false, reason: 'cancelled before it was imported' }),
        start: (index: number) => {
          const slot = this.slots[index] ?? this.spawn(index);
          running = { index, slot };
          const seconds = Math.round(this.limits.timeLimitMs / 1000);
          const timer = setTimeout(
            () => this.discard(index, slot, `took longer than ${seconds} s to read (the limit per file is ${seconds} s)`),
            this.limits.timeLimitMs,
          );
          const transfer = task.bytes ? [task.bytes.buffer as ArrayBuffer] : [];
          // Never rejects: a worker's failure is this file's outcome.
          void slot.worker
            .request<Finished>(
              (taskId) => {
                slot.task = { taskId, committing: false };
                return { ...task, type: 'import', taskId };
              },
              {
                transfer,
                onUpdate: (message) => {
                  if (message.type === 'progress') onProgress(message.fraction, message.label);
                  else if (message.type === 'committing') {
                    // Once committing, the file lands whole: neither the time limit nor a cancel stops it.
                    slot.task!.committing = true;
                    clearTimeout(timer);
                  }
                },
              },
            )
            .then(
              (reply): Outcome =>
                reply.type === 'done'
                  ? { ok: true, result: reply.result }
                  : { ok: false, reason: reply.reason, ...(reply.existingSourceId ? { existingSourceId: reply.existingSourceId } : {}) },
              (error: unknown): Outcome => ({ ok: false, reason: ApiError.from(error).message }),
            )
            .then((outcome) => {
              clearTimeout(timer);
              slot.task = undefined;
              done(outcome);
              this.pump();
            });
        },
      };
      const onAbort = () => {
        if (!running) {
          const at = this.queue.indexOf(queued);
          if (at !== -1) this.queue.splice(at, 1);
          return queued.cancel();
        }
        // Stopping the worker before its commit began leaves nothing behind.
        if (!running.slot.task?.committing) this.discard(running.index, running.slot, 'cancelled while it was being read');
      };
      signal.addEventListener('abort', onAbort);
      this.queue.push(queued);
      this.pump();
    });
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.slots.some((s) => s?.task);
  }

  /** Stops every worker; files still queued or being read fail as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.cancel();
    const slots = this.slots.filter((s): s is Slot => !!s);
    this.slots.fill(undefined);
    await Promise.all(slots.map((s) => s.worker.close(new ApiError('unavailable', 'cancelled: the notebook was closed'))));
  }
}
