import { useMemo, useSyncExternalStore } from 'react';

/**
 * Views live in the URL hash (#/source/seed-002/p-1a2b?entity=mss) so that reload, back/forward
 * and links from notes all land on the same passage. Only the hash is used: no server routes.
 */
export interface Route {
  view: string;
  params: string[];
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view = 'library', ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { view, params, query: new URLSearchParams(search) };
}

export function routeHref(view: string, params: string[] = [], query: Record<string, string | undefined> = {}): string {
  const path = [view, ...params].map(encodeURIComponent).join('/');
  const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

/** Changes only the query of the current route (e.g. open or close the entity panel). */
export function withQuery(route: Route, changes: Record<string, string | undefined>): string {
  const query: Record<string, string | undefined> = Object.fromEntries(route.query.entries());
  Object.assign(query, changes);
  return routeHref(route.view, route.params, query);
}

function subscribeToHash(changed: () => void): () => void {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
}

const currentHash = () => window.location.hash;

/**
 * The route in the address bar. An external store, not state copied on first render: React reads
 * the hash again once it listens, so a change made between the first render and the listener
 * (a link followed while the app is still starting) is never lost.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, currentHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
