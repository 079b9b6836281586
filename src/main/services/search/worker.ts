import { parentPort, workerData } from 'node:worker_threads';
import { SearchHost } from './host';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

// The search index lives here so building, loading and persisting it never stall the serving thread.
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

let host: SearchHost | null = null;
try {
  host = new SearchHost(workerData as WorkerInit);
  const status = host.start((progress) => send({ type: 'progress', progress }));
  send({ type: 'status', status });
} catch (error) {
  send({ type: 'status', status: { state: 'failed', documents: 0, origin: null, message: (error as Error).message } });
}

// Writes by other processes reach this index only through SQLite itself; look every few seconds.
const EXTERNAL_CHECK_MS = 3000;
setInterval(() => {
  if (host?.checkExternalChanges((progress) => send({ type: 'progress', progress }))) send({ type: 'status', status: host.status });
}, EXTERNAL_CHECK_MS).unref();

port.on('message', (message: ToWorker) => {
  void handle(message);
});

async function handle(message: ToWorker): Promise<void> {
  const replyId = 'id' in message ? message.id : undefined;
  try {
    if (!host) throw new Error('The search index could not be opened.');
    if (message.type === 'query') {
      return send({ type: 'reply', id: message.id, result: host.query(message.q, message.options) });
    }
    if (message.type === 'change') host.apply(message.change);
    else if (message.type === 'rebuild') host.rebuild((progress) => send({ type: 'progress', progress }));
    else if (message.type === 'flush') host.flush();
    send({ type: 'status', status: host.status });
    if (replyId !== undefined) send({ type: 'reply', id: replyId, result: host.status });
  } catch (error) {
    if (replyId !== undefined) send({ type: 'reply', id: replyId, error: (error as Error).message });
  }
}
