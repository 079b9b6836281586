import { parentPort, workerData } from 'node:worker_threads';
import { SearchHost } from './host';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

// The search index lives here so building, loading and persisting it never stall the serving thread.
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const progress = (p: FromWorker & { type: 'progress' }) => send(p);

// Any other connection's commit moves SQLite's data_version; looking costs one pragma.
const CHANGE_CHECK_MS = 500;

let host: SearchHost | null = null;
/** Settles once the host has loaded or built its index (or failed to). */
let started: Promise<unknown> = Promise.resolve();
try {
  host = new SearchHost(workerData as WorkerInit);
  host.onStatus = (status) => send({ type: 'status', status });
  started = host
    .start((p) => progress({ type: 'progress', progress: p }))
    .catch((error: Error) => {
      send({ type: 'status', status: { state: 'failed', documents: 0, origin: null, message: error.message } });
    });
  if ((workerData as WorkerInit).warmUp) warmUp();
} catch (error) {
  send({ type: 'status', status: { state: 'failed', documents: 0, origin: null, message: (error as Error).message } });
}

setInterval(() => {
  if (host && !host.isBuilding && host.outdated) host.catchUp((p) => progress({ type: 'progress', progress: p }));
}, CHANGE_CHECK_MS).unref();

/** Warms the query code up once the index answers; asked twice, once. */
function warmUp(): void {
  void started.then(() => host?.warmUp()).catch(() => {});
}

port.on('message', (message: ToWorker) => {
  void handle(message);
});

async function handle(message: ToWorker): Promise<void> {
  const replyId = 'id' in message ? message.id : undefined;
  try {
    if (!host) throw Object.assign(new Error('The search index could not be opened.'), { unavailable: true });
    if (message.type === 'query') {
      // A query sees every commit made before it was asked.
      if (host.outdated) host.catchUp();
      return send({ type: 'reply', id: message.id, result: host.query(message.q, message.options) });
    }
    if (message.type === 'change') host.catchUp();
    else if (message.type === 'warmUp') warmUp();
    else if (message.type === 'rebuild') await host.rebuild((p) => progress({ type: 'progress', progress: p }));
    else if (message.type === 'flush') {
      host.catchUp();
      host.flush();
    }
    if (replyId !== undefined) send({ type: 'reply', id: replyId, result: host.status });
  } catch (error) {
    if (replyId !== undefined)
      send({
        type: 'reply',
        id: replyId,
        error: (error as Error).message,
        unavailable: (error as { unavailable?: boolean }).unavailable === true,
      });
  }
}
