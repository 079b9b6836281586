import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import { markdownToDocument } from '../notes/markdown';

// Markdown is parsed here, never on the thread that serves the window: even a linear parser takes
// a noticeable moment on a large draft, and a hostile one must never freeze the app.
const port = parentPort!;
port.on('message', (message: { id: number; markdown: string }) => {
  try {
    port.postMessage({ id: message.id, document: markdownToDocument(message.markdown) });
  } catch (error) {
    const apiError = ApiError.from(error);
    port.postMessage({ id: message.id, error: apiError.toJSON() });
  }
});
