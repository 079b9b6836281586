import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { eventNames, HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../shared/contract';
import type { Notebook } from '../services/notebook';
import { SECURITY_HEADERS } from '../web/security';

export interface LoopbackOptions {
  notebook: Notebook;
  /** Built renderer (index.html and assets). */
  rendererDir: string;
  /** Built HTTP bridge that plays the preload's part in a plain browser. */
  bridgeFile: string;
  port?: number;
}

export interface LoopbackShell {
  url: string;
  origin: string;
  close(): Promise<void>;
}

const COOKIE = 'sourcebook_session';
const MAX_BODY = 4 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

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

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new ApiError('invalid_input', 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the renderer to an installed browser where Electron is missing. It listens on 127.0.0.1
 * only, on a random port, and answers only a browser that opened the per-launch secret URL: the
 * secret becomes an HttpOnly SameSite=Strict cookie, and every request must also carry the exact
 * Host (against DNS rebinding) and, for API calls, our own Origin (against other local pages).
 */
export async function startLoopbackShell(options: LoopbackOptions): Promise<LoopbackShell> {
  const secret = randomBytes(24).toString('base64url');
  const rendererRoot = path.resolve(options.rendererDir);
  let origin = '';
  let host = '';

  const indexHtml = () =>
    fs.readFileSync(path.join(rendererRoot, 'index.html'), 'utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>');

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      const apiError = ApiError.from(error);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: apiError.toJSON() }), 'application/json');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.headers.host !== host) return send(res, 421, 'Wrong host.');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname === '/' && url.searchParams.has('k')) {
      if (!sameSecret(url.searchParams.get('k') ?? undefined, secret))
        return send(res, 403, 'This link has expired: use the URL Sourcebook printed when it started.');
      return send(res, 302, '', 'text/plain', {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!sameSecret(cookieValue(req.headers.cookie), secret)) {
      return send(res, 403, 'Open Sourcebook with the URL it printed when it started.');
    }

    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      // Browsers omit Origin on same-origin GETs such as EventSource, so only a foreign one is refused there.
      const foreign = req.headers.origin !== undefined && req.headers.origin !== origin;
      if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET' && !foreign) return streamEvents(req, res);
      if (req.headers.origin !== origin) return send(res, 403, 'Cross-origin request refused.');
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only.');
      const wire = decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length));
      try {
        const body = await readBody(req);
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
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, indexHtml(), MIME['.html']);
    if (url.pathname === '/__bridge.js') return send(res, 200, fs.readFileSync(options.bridgeFile), MIME['.js']);
    const file = path.resolve(rendererRoot, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Not found.');
    }
    return send(res, 200, fs.readFileSync(file), MIME[path.extname(file)] ?? 'application/octet-stream');
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

  return {
    origin,
    url: `${origin}/?k=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
