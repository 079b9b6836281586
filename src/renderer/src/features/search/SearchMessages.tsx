import type { SearchResponse } from '../../../../shared/search';
import type { SearchState } from './useSearch';

/** What the palette and the full view both say about a search: its failure, the query's problems and the engine's notices. */
export function SearchMessages({ state, response }: { state: SearchState; response: SearchResponse | null }) {
  return (
    <>
      {state.status === 'error' && (
        <p className="status error" role="alert">
          {state.message}
        </p>
      )}
      {response?.problems.map((p) => (
        <p className="search-problem" key={p}>
          {p}
        </p>
      ))}
      {response?.notices?.map((n) => (
        <p className="search-notice" key={n}>
          {n}
        </p>
      ))}
    </>
  );
}
