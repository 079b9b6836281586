import type http from 'node:http';

/** Past this, a refused upload is cut off rather than read to its end. */
const DRAIN_FACTOR = 4;

/**
 * The request body as text, or undefined when it is larger than `max`. A body that is too large
 * is read to its end and thrown away (up to a bound), so the browser receives the 413 answer and
 * its clear message instead of a reset connection, which a page can only report as "not running".
 */
export function readBody(req: http.IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > max;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > max * DRAIN_FACTOR) {
          resolve(undefined);
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
