import { useEffect, useState } from 'react';

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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
