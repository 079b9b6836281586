import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { createStore } from '../store/store';
import { commitImport } from './commit';
import { ImportError } from './failure';
import { prepareImport } from './prepare';
import { formatMb, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol';

/**
 * One import worker: parses, links and commits files on its own database connection, so neither
 * parsing nor writing a large file ever holds the thread that serves the UI. WAL lets the main
 * connection keep reading meanwhile.
 */
const init = workerData as WorkerInit;
const db = openDatabase(init.dbFile, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
// A long commit from a sibling worker is worth waiting for; it is never a real deadlock.
db.pragma('busy_timeout = 60000');
// Commits go through the store's one write helper; the main process notices them from the change log.
const store = createStore(db);
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

function readFile(task: WorkerTask): Buffer {
  if (task.bytes) {
    if (task.bytes.byteLength > task.maxFileBytes)
      throw new ImportError(`file too large (${formatMb(task.bytes.byteLength)}; the limit is ${formatMb(task.maxFileBytes)})`);
    return Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(task.path!);
  } catch {
    throw new ImportError('file not found or not readable');
  }
  if (!stat.isFile()) throw new ImportError('not a regular file');
  if (stat.size > task.maxFileBytes)
    throw new ImportError(`file too large (${formatMb(stat.size)}; the limit is ${formatMb(task.maxFileBytes)})`);
  try {
    return fs.readFileSync(task.path!);
  } catch {
    throw new ImportError('file not readable (permission denied?)');
  }
}

async function run(task: WorkerTask): Promise<void> {
  try {
    const original = readFile(task);
    const prepared = await prepareImport(store.repos, task.fileName, original, {
      newVersionOf: task.newVersionOf,
      onProgress: (fraction, label) => reply({ type: 'progress', taskId: task.taskId, fraction, label }),
    });
    reply({ type: 'committing', taskId: task.taskId });
    const hooks =
      task.failAtPassage === undefined
        ? {}
        : {
            beforePassage: (index: number) => {
              if (index === task.failAtPassage) throw new Error(`injected failure before passage ${index}`);
            },
          };
    reply({ type: 'done', taskId: task.taskId, result: commitImport(store, prepared, hooks) });
  } catch (error) {
    if (error instanceof ImportError)
      reply({ type: 'failed', taskId: task.taskId, reason: error.reason, existingSourceId: error.existingSourceId });
    else
      reply({
        type: 'failed',
        taskId: task.taskId,
        reason: `could not be imported (internal error: ${error instanceof Error ? error.message : String(error)})`,
      });
  }
}

port.on('message', (task: WorkerTask) => void run(task));
port.on('close', () => db.close());
