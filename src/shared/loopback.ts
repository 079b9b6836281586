/**
 * How the loopback shell's page and server recognise each other. The launch token arrives in the
 * URL fragment (`#launch=…`), which browsers never send to a server; the page trades it once for a
 * session value kept in sessionStorage and sent as a header on every call. No cookie is used.
 */
export const LAUNCH_FRAGMENT = 'launch';
export const LAUNCH_HEADER = 'X-Sourcebook-Launch';
export const SESSION_HEADER = 'X-Sourcebook-Session';
export const HTTP_SESSION_PATH = '/__session';
export const SESSION_STORAGE_KEY = 'sourcebook.session';
/** Largest request body: room for the biggest note the app itself makes (a 2 MB Markdown draft). */
export const MAX_REQUEST_BYTES = 48 * 1024 * 1024;
