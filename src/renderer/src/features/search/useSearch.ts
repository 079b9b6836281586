import { useEffect, useState } from 'react';
import type { SearchFilters, SearchResponse } from '../../../../shared/search';
import { api } from '../../api';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; last: SearchResponse | null }
  | { status: 'ready'; response: SearchResponse }
  | { status: 'error'; message: string };

/**
 * Searches as the query changes. A short pause lets fast typing coalesce; an answer to an older
 * query that arrives late is dropped so results never jump back.
 */
export function useSearch(q: string, options: { limit: number; filters?: SearchFilters; delayMs?: number }): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const filtersKey = JSON.stringify(options.filters ?? {});
  useEffect(() => {
    const filters = JSON.parse(filtersKey) as SearchFilters;
    const hasFilters = Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
    if (!q.trim() && !hasFilters) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => ({
      status: 'searching',
      last: previous.status === 'ready' ? previous.response : previous.status === 'searching' ? previous.last : null,
    }));
    const timer = setTimeout(() => {
      api()
        .search.query({ q, limit: options.limit, filters })
        .then(
          (response) => current && setState({ status: 'ready', response }),
          (error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
    }, options.delayMs ?? 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, filtersKey, options.limit, options.delayMs]);
  return state;
}

export function responseOf(state: SearchState): SearchResponse | null {
  if (state.status === 'ready') return state.response;
  if (state.status === 'searching') return state.last;
  return null;
}
