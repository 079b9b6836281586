import { ApiError } from '../../../shared/errors';
import { ungroupedWorkers, type WorkerGroup, type WorkerHandle } from '../workers';
import type { RenderJob, RenderOutput } from './render-job';

type ToWorker = { id: number; job: RenderJob };
type FromWorker = { id: number; result?: RenderOutput; error?: string };

export interface RenderWorker {
  render(job: RenderJob): Promise<RenderOutput>;
  close(): Promise<void>;
}

/**
 * The export worker, started on first use and kept warm (citeproc engines stay loaded between
 * jobs); after a crash the next job starts a new one. It never keeps a finished CLI alive.
 */
export function createRenderWorker(workers: Pick<WorkerGroup, 'start'> = ungroupedWorkers): RenderWorker {
  let handle: WorkerHandle<ToWorker, FromWorker> | undefined;
  let closed = false;
  const started = () => {
    if (closed) throw new ApiError('unavailable', 'The notebook is closed.');
    if (!handle?.alive) {
      handle = workers.start<ToWorker, FromWorker>({
        name: 'export',
        route: (message) =>
          message.error !== undefined
            ? { id: message.id, error: new ApiError('internal', `Export failed: ${message.error}`) }
            : { id: message.id, value: message.result },
      });
    }
    return handle;
  };
  return {
    async render(job) {
      return started().request<RenderOutput>((id) => ({ id, job }));
    },
    async close() {
      closed = true;
      await handle?.close();
    },
  };
}
