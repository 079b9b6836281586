import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CitationToReview, ImportFailure, ImportSummary, ImportedSource, StagedUpload } from '../../../shared/imports';
import { ApiError } from '../../../shared/errors';
import type { EventHub } from '../events';
import { reanchorCitationsForSource } from '../notes';
import { DATABASE_FILE } from '../store/db';
import type { Store } from '../store/store';
import { displayFileName } from './filename';
import { ImportWorkerPool, type Outcome, type PoolLimits } from './pool';
import { formatMb } from './worker-protocol';
import type { WorkerGroup } from '../workers';

export interface ImportLimits extends PoolLimits {
  maxFileBytes: number;
}

const envNumber = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

/** Defaults, each overridable by environment for a machine with more or less to spare. */
export function defaultLimits(): ImportLimits {
  return {
    maxFileBytes: (envNumber('SOURCEBOOK_IMPORT_MAX_MB') ?? 200) * 1024 * 1024,
    timeLimitMs: (envNumber('SOURCEBOOK_IMPORT_TIME_LIMIT_S') ?? 180) * 1000,
    memoryLimitMb: envNumber('SOURCEBOOK_IMPORT_MEMORY_MB') ?? 2048,
    size: envNumber('SOURCEBOOK_IMPORT_WORKERS') ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  };
}

export interface ImporterDeps {
  store: Store;
  dataDir: string;
  events: EventHub;
  /** Reads the change log now: the worker committed on its own connection. */
  noticeCommits(): void;
  nativeBinding?: string;
  limits?: Partial<ImportLimits>;
  /** Who starts the workers: the notebook's group, so closing the notebook stops them. */
  workers?: Pick<WorkerGroup, 'start'>;
}

interface FileJob {
  fileName: string;
  path?: string;
  bytes?: Uint8Array;
  /** A failure known before any reading, such as a path that does not exist. */
  failure?: string;
}

export interface RunOptions {
  jobId?: string;
  newVersionOf?: string;
  maxFileBytes?: number;
  /** Test hook passed to the worker: the commit fails before writing this passage. */
  failAtPassage?: number;
}

const STAGING = 'import-staging';
const IDLE_CLOSE_MS = 30_000;

/** Hidden files and folders (.git, .DS_Store) are never documents the user meant to import. */
function expandPaths(paths: readonly string[]): FileJob[] {
  const jobs: FileJob[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      jobs.push({ fileName: displayFileName(dir), failure: 'folder not readable' });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed: a link to a parent folder would never end.
      if (entry.isDirectory() && depth < 32) walk(full, depth + 1);
      else if (entry.isFile()) jobs.push({ fileName: displayFileName(entry.name), path: full });
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      jobs.push({ fileName: displayFileName(p), failure: 'file not found' });
      continue;
    }
    if (stat.isDirectory()) walk(full, 0);
    else jobs.push({ fileName: displayFileName(full), path: full });
  }
  return jobs;
}

function removeStaleUploads(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or another process is removing it.
    }
  }
}

export function createImporter(deps: ImporterDeps) {
  const limits: ImportLimits = { ...defaultLimits(), ...deps.limits };
  const running = new Map<string, AbortController>();
  const stagingDir = path.join(deps.dataDir, STAGING);
  const stagedPath = (uploadId: string) => path.join(stagingDir, `${uploadId}.part`);
  // Uploads abandoned by a closed window are removed later; another process may be mid-upload now.
  removeStaleUploads(stagingDir);
  // Workers load pdf.js, mammoth and the tagger once and serve job after job until idle a while.
  let pool: ImportWorkerPool | undefined;
  let closed = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const scheduleIdleClose = () => {
    clearTimeout(idleTimer);
    if (closed) return;
    idleTimer = setTimeout(() => {
      if (!pool || pool.busy || running.size > 0) return;
      void pool.close();
      pool = undefined;
    }, IDLE_CLOSE_MS);
    idleTimer.unref();
  };

  function citationsToReview(sourceId: string): CitationToReview[] {
    reanchorCitationsForSource(deps.store, sourceId);
    return deps.store.repos.citations
      .needingReview()
      .filter((c) => c.sourceId === sourceId)
      .map((c) => ({ noteId: c.noteId, citationId: c.id, exact: c.exact, status: c.status as CitationToReview['status'] }));
  }

  async function run(files: FileJob[], options: RunOptions): Promise<ImportSummary> {
    if (closed) throw new ApiError('unavailable', 'The notebook is closed.');
    const jobId = options.jobId ?? randomBytes(9).toString('base64url');
    if (running.has(jobId)) throw new ApiError('conflict', `An import with id "${jobId}" is already running.`);
    if (options.newVersionOf && files.length !== 1)
      throw new ApiError('invalid_input', 'A new version of a source must be exactly one file.');
    if (options.newVersionOf && !deps.store.repos.sources.get(options.newVersionOf))
      throw new ApiError('not_found', `No source with id "${options.newVersionOf}".`);
    const controller = new AbortController();
    setMaxListeners(Infinity, controller.signal);
    running.set(jobId, controller);
    const started = Date.now();
    const maxFileBytes = options.maxFileBytes ?? limits.maxFileBytes;
    const overall = `import:${jobId}`;
    let finished = 0;
    const report = (done: boolean) =>
      deps.events.emit('progress', {
        task: overall,
        label: `Imported ${finished} of ${files.length} files`,
        done: finished,
        total: files.length,
        finished: done,
      });
    report(false);

    clearTimeout(idleTimer);
    pool ??= new ImportWorkerPool(
      { dbFile: path.join(deps.dataDir, DATABASE_FILE), nativeBinding: deps.nativeBinding },
      limits,
      deps.workers,
    );
    const jobPool = pool;
    const imported: ImportedSource[] = [];
    const failures: ImportFailure[] = [];
    const outcomes: (Outcome | undefined)[] = new Array<Outcome | undefined>(files.length);
    try {
      await Promise.all(
        files.map(async (file, index) => {
          const task = `${overall}:${index}`;
          let lastPercent = -1;
          const fileProgress = (fraction: number, label: string, done = false) => {
            const percent = Math.round(fraction * 100);
            if (percent === lastPercent && !done) return;
            lastPercent = percent;
            deps.events.emit('progress', { task, label: `${file.fileName}: ${label}`, done: percent, total: 100, finished: done });
          };
          const outcome: Outcome = file.failure
            ? { ok: false, reason: file.failure }
            : await jobPool.run(
                {
                  fileName: file.fileName,
                  path: file.path,
                  bytes: file.bytes,
                  maxFileBytes,
                  newVersionOf: options.newVersionOf,
                  failAtPassage: options.failAtPassage,
                },
                fileProgress,
                controller.signal,
              );
          outcomes[index] = outcome;
          if (outcome.ok) deps.noticeCommits();
          finished++;
          fileProgress(1, outcome.ok ? 'imported' : outcome.reason, true);
          report(false);
        }),
      );
    } finally {
      running.delete(jobId);
      scheduleIdleClose();
      for (const file of files) if (file.path?.startsWith(stagingDir + path.sep)) fs.rmSync(file.path, { force: true });
    }
    outcomes.forEach((outcome, index) => {
      const fileName = files[index]!.fileName;
      if (!outcome) return;
      if (outcome.ok) {
        const review = outcome.result.newVersion ? citationsToReview(outcome.result.sourceId) : [];
        imported.push({ ...outcome.result, citationsToReview: review });
      } else
        failures.push({
          fileName,
          reason: outcome.reason,
          ...(outcome.existingSourceId ? { existingSourceId: outcome.existingSourceId } : {}),
        });
    });
    report(true);
    return { jobId, imported, failures, cancelled: controller.signal.aborted, elapsedMs: Date.now() - started };
  }

  return {
    limits,
    importPaths: (input: { paths: string[] } & RunOptions) => run(expandPaths(input.paths), input),
    importFiles(input: { files: ({ fileName: string; base64: string } | { fileName: string; uploadId: string })[] } & RunOptions) {
      const jobs = input.files.map((f): FileJob => {
        const fileName = displayFileName(f.fileName);
        if ('base64' in f) return { fileName, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) };
        const staged = stagedPath(f.uploadId);
        return fs.existsSync(staged)
          ? { fileName, path: staged }
          : { fileName, failure: 'upload incomplete or expired: add the file again' };
      });
      return run(jobs, input);
    },
    stage(input: { uploadId: string; offset: number; base64: string }): StagedUpload {
      fs.mkdirSync(stagingDir, { recursive: true });
      const file = stagedPath(input.uploadId);
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (input.offset === 0 && size > 0) fs.rmSync(file);
      else if (input.offset !== size)
        throw new ApiError('conflict', `Upload ${input.uploadId} has ${size} bytes, not ${input.offset}: send the chunks in order.`);
      const chunk = Buffer.from(input.base64, 'base64');
      if (input.offset + chunk.length > limits.maxFileBytes) {
        fs.rmSync(file, { force: true });
        throw new ApiError('invalid_input', `file too large (over ${formatMb(limits.maxFileBytes)}, the import limit)`);
      }
      fs.appendFileSync(file, chunk);
      return { uploadId: input.uploadId, receivedBytes: input.offset + chunk.length };
    },
    async close(): Promise<void> {
      closed = true;
      for (const controller of running.values()) controller.abort();
      clearTimeout(idleTimer);
      await pool?.close();
      pool = undefined;
    },
    cancel(jobId: string): boolean {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
