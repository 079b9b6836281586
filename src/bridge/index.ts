import { eventNames, httpCallPath, HTTP_EVENTS_PATH, makeApi, unwrapEnvelope, type Envelope } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { HTTP_SESSION_PATH, LAUNCH_FRAGMENT, LAUNCH_HEADER, SESSION_HEADER, SESSION_STORAGE_KEY } from '../shared/loopback';
import { readEventStream } from './events';

/**
 * The loopback shell's stand-in for the Electron preload: the same contract-built API, carried
 * over same-origin fetch instead of IPC. The page signs in by trading the one-time launch token in
 * its URL fragment for a session value, kept in this tab's sessionStorage (so a reload stays
 * signed in, other tabs and other ports never see it) and sent as a header, never as a cookie.
 */
const UNREACHABLE =
  'Sourcebook cannot be reached: it has stopped, or this window belongs to an earlier run. ' +
  'Nothing was saved just now, and your edits are still in this window: do not reload or close it ' +
  'before you have copied them. Start Sourcebook again with "sourcebook open".';

function takeLaunchToken(): string | undefined {
  const match = new RegExp(`^#${LAUNCH_FRAGMENT}=([A-Za-z0-9_-]+)$`).exec(location.hash);
  if (!match) return undefined;
  // Gone from the address bar and history before the app reads its route from the fragment.
  history.replaceState(null, '', location.pathname + location.search);
  return match[1];
}

async function exchange(token: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(HTTP_SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [LAUNCH_HEADER]: token },
      body: '{}',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError('unavailable', UNREACHABLE);
  }
  const body = (await response.json().catch(() => ({}))) as { session?: string } & Partial<Envelope>;
  if (!body.session) unwrapEnvelope(body as Envelope);
  sessionStorage.setItem(SESSION_STORAGE_KEY, body.session!);
  return body.session!;
}

const launch = takeLaunchToken();
// A new launch link pasted into this tab changes only the fragment; start over to sign in with it.
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith(`#${LAUNCH_FRAGMENT}=`)) location.reload();
});
const session: Promise<string | null> = launch
  ? exchange(launch).catch((error: unknown) => {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    })
  : Promise.resolve(sessionStorage.getItem(SESSION_STORAGE_KEY));
// The first call reports a failed sign-in; this only keeps it from being an unhandled rejection.
session.catch(() => {});

async function sessionHeader(): Promise<Record<string, string>> {
  const value = await session;
  return value ? { [SESSION_HEADER]: value } : {};
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
let streaming = false;

function ensureEvents(): void {
  if (streaming) return;
  streaming = true;
  void readEventStream(HTTP_EVENTS_PATH, sessionHeader, eventNames(), (name, payload) => {
    listeners.get(name)?.forEach((listener) => listener(payload));
  });
}

const api = makeApi(
  async (wire, input) => {
    const headers = { 'Content-Type': 'application/json', ...(await sessionHeader()) };
    let response: Response;
    try {
      response = await fetch(httpCallPath(wire), { method: 'POST', headers, body: JSON.stringify(input), credentials: 'omit' });
    } catch {
      throw new ApiError('unavailable', UNREACHABLE);
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
