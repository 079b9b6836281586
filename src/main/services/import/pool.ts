import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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

interface Slot {
  worker: Worker;
  task?: {
    taskId: number;
    committing: boolean;
    finish: (o: Outcome) => void;
    timer?: NodeJS.Timeout;
    onProgress: (f: number, l: string) => void;
  };
}

/**
 * Built with electron-vite, the worker is a sibling bundle; run from source (CLI, tests) a small
 * bootstrap registers tsx inside the worker first, since workers cannot take --import.
 */
function workerEntry(): { file: URL | string; eval: boolean } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // require.resolve finds the CommonJS build; the worker needs the ESM one beside it.
    const tsxApi = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const worker = new URL('./worker.ts', import.meta.url).href;
    return {
      file: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
      eval: true,
    };
  }
  const bundled = path.join(path.dirname(here), 'import-worker.js');
  if (!fs.existsSync(bundled)) throw new Error(`The import worker is missing from the build (${bundled}).`);
  return { file: pathToFileURL(bundled), eval: false };
}

export class ImportWorkerPool {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: { task: WorkerTask; start: (slot: number) => void }[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(
    private readonly init: WorkerInit,
    private readonly limits: PoolLimits,
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(1, limits.size)).fill(undefined);
  }

  private spawn(index: number): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: this.init,
      eval: entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryLimitMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker };
    // An idle worker must not keep the process alive; a busy one must.
    worker.unref();
    worker.on('message', (message: WorkerReply) => {
      const task = slot.task;
      if (!task || message.taskId !== task.taskId) return;
      if (message.type === 'progress') task.onProgress(message.fraction, message.label);
      else if (message.type === 'committing') {
        task.committing = true;
        clearTimeout(task.timer);
      } else if (message.type === 'done') this.settle(index, { ok: true, result: message.result });
      else this.settle(index, { ok: false, reason: message.reason, existingSourceId: message.existingSourceId });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needs more memory than an import may use (${this.limits.memoryLimitMb} MB); the file is too large or too complex`
          : `could not be read (the reader failed: ${error.message})`;
      this.discard(index, reason, slot);
    });
    worker.on('exit', () => this.discard(index, 'could not be read (the reader stopped unexpectedly)', slot));
    this.slots[index] = slot;
    return slot;
  }

  private settle(index: number, outcome: Outcome): void {
    const slot = this.slots[index];
    const task = slot?.task;
    if (!slot || !task) return;
    clearTimeout(task.timer);
    slot.task = undefined;
    slot.worker.unref();
    task.finish(outcome);
    this.pump();
  }

  /** A worker that died or was stopped is replaced; its file fails with the reason given. */
  private discard(index: number, reason: string, expected?: Slot): void {
    const slot = this.slots[index];
    if (!slot || (expected && slot !== expected)) return;
    this.slots[index] = undefined;
    const task = slot.task;
    slot.task = undefined;
    void slot.worker.terminate();
    if (task) {
      clearTimeout(task.timer);
      task.finish({ ok: false, reason });
    }
    this.pump();
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
      if (signal.aborted) return resolve({ ok: false, reason: 'cancelled before it was imported' });
      const taskId = this.nextTaskId++;
      let started = -1;
      const queued = {
        task: { ...task, type: 'import' as const, taskId },
        start: (index: number) => {
          started = index;
          const slot = this.slots[index] ?? this.spawn(index);
          const timer = setTimeout(() => {
            const seconds = Math.round(this.limits.timeLimitMs / 1000);
            this.discard(index, `took longer than ${seconds} s to read (the limit per file is ${seconds} s)`);
          }, this.limits.timeLimitMs);
          slot.task = { taskId, committing: false, finish: done, timer, onProgress };
          slot.worker.ref();
          const transfer = task.bytes ? [task.bytes.buffer as ArrayBuffer] : [];
          slot.worker.postMessage(queued.task, transfer);
        },
      };
      const onAbort = () => {
        if (started === -1) {
          const at = this.queue.indexOf(queued);
          if (at !== -1) this.queue.splice(at, 1);
          return done({ ok: false, reason: 'cancelled before it was imported' });
        }
        // Once committing, the file lands whole; stopping the worker earlier leaves nothing behind.
        if (this.slots[started]?.task?.taskId === taskId && !this.slots[started]!.task!.committing)
          this.discard(started, 'cancelled while it was being read');
      };
      let settled = false;
      function done(outcome: Outcome) {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      }
      signal.addEventListener('abort', onAbort);
      this.queue.push(queued);
      this.pump();
    });
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.slots.some((s) => s?.task);
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.slots.filter((s): s is Slot => !!s).map((s) => s.worker);
    this.slots.fill(undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
