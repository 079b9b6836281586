import path from 'node:path';

/**
 * What the desktop window may load, kept apart from Electron so it can be tested without it.
 * The app is served from its own privileged scheme, app://sourcebook/, instead of file://: a
 * file: page has the origin "null", which made the own-page check meaningless and would let the
 * page read any file:// URL. Only files inside the built renderer are served.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sourcebook';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

export { mimeType } from '../web/mime';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://sourcebook/… and nothing else (not another host of the scheme, not file:). */
export function isOwnUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** The file inside `root` that an app:// URL names, or null for anything outside it. */
export function appFile(root: string, url: string): string | null {
  if (!isOwnUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(base + path.sep) ? file : null;
}

/**
 * Every request any page of the app makes passes here: its own files, the data: and blob: URLs
 * it makes itself (previews, downloads) and the developer tools. Everything else, above all the
 * network, is cancelled.
 */
export function requestAllowed(url: string): boolean {
  if (isOwnUrl(url)) return true;
  const protocol = parse(url)?.protocol;
  return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
}
