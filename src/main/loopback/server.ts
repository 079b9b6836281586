import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApiError, type ErrorCode } from '../../shared/errors';
import { mimeType } from '../web/mime';
import { eventNames, HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../shared/contract';
import { HTTP_SESSION_PATH, LAUNCH_FRAGMENT, LAUNCH_HEADER, MAX_REQUEST_BYTES, SESSION_HEADER } from '../../shared/loopback';
import type { Notebook } from '../services/notebook';
import { SECURITY_HEADERS } from '../web/security';
import { readBody } from './body';
import { LAUNCH_TTL_MS, SessionKeeper } from './session';

export interface LoopbackOptions {
  notebook: Notebook;
  /** Built renderer (index.html and assets). */
  rendererDir: string;
  /** Built HTTP bridge that plays the preload's part in a plain browser. */
  bridgeFile: string;
  port?: number;
  /** Largest request body accepted (default MAX_REQUEST_BYTES). */
  maxBodyBytes?: number;
  /** Told each time a page trades a launch link for a session. */
  onSession?: () => void;
}

export interface LoopbackShell {
  origin: string;
  /** A new one-time launch link, valid for `ttlMs` (default one minute). */
  launchUrl(ttlMs?: number): string;
  /** A private file that forwards the browser to a new launch link: start the browser on this, not on the link. */
  launchFile(dir: string, ttlMs?: number): string;
  close(): Promise<void>;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

/** Refusals of API requests carry the same envelope as call errors, so the page shows their message. */
function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string) {
  send(res, status, JSON.stringify({ error: { code, message } }), 'application/json');
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Serves the renderer to an installed browser where Electron is missing. It listens on 127.0.0.1
 * only, on a random port. Every request must carry the exact Host (against DNS rebinding). The
 * built app itself is public code and is served to any such request; every call and the event
 * stream need a session value in a header, which only a page that traded a one-time launch link
 * has (see SessionKeeper), and calls must also come from our own Origin (against other local
 * pages, which cannot send the header without a preflight we never grant).
 */
export async function startLoopbackShell(options: LoopbackOptions): Promise<LoopbackShell> {
  const rendererRoot = path.resolve(options.rendererDir);
  const maxBody = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
  const keeper = new SessionKeeper();
  let origin = '';
  let host = '';

  const indexHtml = () =>
    fs.readFileSync(path.join(rendererRoot, 'index.html'), 'utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>');

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, 'internal', ApiError.from(error).message);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.headers.host !== host) return send(res, 421, 'Wrong host.');
    const url = new URL(req.url ?? '/', origin);
    const foreign = req.headers.origin !== undefined && req.headers.origin !== origin;

    if (url.pathname === HTTP_SESSION_PATH) {
      if (req.method !== 'POST' || req.headers.origin !== origin) return refuse(res, 403, 'invalid_input', 'Cross-origin request refused.');
      const session = keeper.exchange(header(req, LAUNCH_HEADER));
      if (!session)
        return refuse(
          res,
          403,
          'invalid_input',
          'This launch link was already used or has expired (each link works once, for a minute). ' +
            'Run "sourcebook open" again, or press Enter in its terminal for a new link.',
        );
      options.onSession?.();
      return send(res, 200, JSON.stringify({ session }), 'application/json');
    }

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (foreign) return refuse(res, 403, 'invalid_input', 'Cross-origin request refused.');
      if (!keeper.isSession(header(req, SESSION_HEADER)))
        return refuse(
          res,
          403,
          'invalid_input',
          'This window is not signed in to Sourcebook: open it with a link "sourcebook open" prints (each link works once).',
        );
      // Browsers omit Origin on same-origin GETs, so only a foreign one is refused for the event stream.
      if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') return streamEvents(req, res);
      if (req.headers.origin !== origin) return refuse(res, 403, 'invalid_input', 'Cross-origin request refused.');
      if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'Method not allowed.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'invalid_input', 'JSON only.');
      const wire = decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length));
      const body = await readBody(req, maxBody);
      if (body === undefined) {
        return refuse(
          res,
          413,
          'too_large',
          `This is too large to send to Sourcebook (over ${Math.round(maxBody / 1024 / 1024)} MB), so it was not saved. ` +
            'Your text is still in this window: split it into smaller notes.',
        );
      }
      try {
        const input: unknown = body ? JSON.parse(body) : {};
        const result = await options.notebook.dispatch(wire, input, 'window');
        return send(res, 200, JSON.stringify({ result: result ?? null }), 'application/json');
      } catch (error) {
        // Like JSON-RPC, a call that was delivered answers 200 and carries its error in the envelope;
        // HTTP statuses are kept for refusals of the request itself.
        const apiError = error instanceof SyntaxError ? new ApiError('invalid_input', 'Request body is not JSON.') : ApiError.from(error);
        return send(res, 200, JSON.stringify({ error: apiError.toJSON() }), 'application/json');
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, indexHtml(), mimeType('index.html'));
    if (url.pathname === '/__bridge.js') return send(res, 200, fs.readFileSync(options.bridgeFile), mimeType('bridge.js'));
    const file = path.resolve(rendererRoot, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Not found.');
    }
    return send(res, 200, fs.readFileSync(file), mimeType(file));
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    // Every contract event goes to the page: progress, and `changed` so open views refresh.
    const offs = eventNames().map((name) =>
      options.notebook.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    req.on('close', () => offs.forEach((off) => off()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Loopback shell did not get a port.');
  host = `127.0.0.1:${address.port}`;
  origin = `http://${host}`;
  const sweeper = setInterval(() => keeper.sweep(), 5000);
  sweeper.unref();

  const launchUrl = (ttlMs = LAUNCH_TTL_MS) => `${origin}/#${LAUNCH_FRAGMENT}=${keeper.issueLaunch(ttlMs)}`;
  return {
    origin,
    launchUrl,
    launchFile(dir, ttlMs = LAUNCH_TTL_MS) {
      SessionKeeper.removeStaleLaunchFiles(dir);
      const token = keeper.issueLaunch(ttlMs);
      return keeper.writeLaunchFile(dir, token, `${origin}/#${LAUNCH_FRAGMENT}=${token}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        keeper.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
