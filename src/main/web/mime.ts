import path from 'node:path';

/** The only file types the app's own pages are built from; both shells serve them with these types. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const mimeType = (file: string): string => MIME[path.extname(file)] ?? 'application/octet-stream';
