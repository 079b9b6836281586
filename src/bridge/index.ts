import { eventNames, httpCallPath, HTTP_EVENTS_PATH, makeApi, unwrapEnvelope, type Envelope } from '../shared/contract';
import { ApiError } from '../shared/errors';

/**
 * The loopback shell's stand-in for the Electron preload: the same contract-built API, carried
 * over same-origin fetch instead of IPC. The session cookie travels with each request.
 */
let source: EventSource | undefined;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

function ensureEvents(): EventSource {
  if (source) return source;
  source = new EventSource(HTTP_EVENTS_PATH);
  for (const name of eventNames()) {
    source.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      listeners.get(name)?.forEach((listener) => listener(payload));
    });
  }
  return source;
}

const api = makeApi(
  async (wire, input) => {
    let response: Response;
    try {
      response = await fetch(httpCallPath(wire), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('internal', 'Sourcebook is not running any more: start it again and reload this page.');
    }
    const text = await response.text();
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      throw new ApiError('internal', text || `Request failed (${response.status}).`);
    }
    return unwrapEnvelope(envelope);
  },
  (event, listener) => {
    ensureEvents();
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
