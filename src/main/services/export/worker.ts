import { parentPort } from 'node:worker_threads';
import { runRenderJob, type RenderJob } from './render-job';

// Citation formatting and document building run here so a large export never stalls the thread
// that serves the UI. Jobs run one at a time; citeproc engines stay warm between them.
const port = parentPort!;
let queue = Promise.resolve();

port.on('message', (message: { id: number; job: RenderJob }) => {
  queue = queue.then(async () => {
    try {
      const result = await runRenderJob(message.job);
      port.postMessage({ id: message.id, result }, result.data ? [result.data.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
