import { useEffect, useState } from 'react';
import type { SavedSearchMatch, SearchStatus } from '../../../../shared/search';
import { api } from '../../api';
import { routeHref } from '../../app/route';

/**
 * What the search index is doing, where the whole app sees it: building (with how far), failed
 * or unsaved (with Rebuild), and what the last import brought for saved searches ("3 new
 * passages match 'Capvision'"). Nothing shows while search simply works.
 */
export function SearchStateBanner() {
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const [matches, setMatches] = useState<SavedSearchMatch[]>([]);
  const [rebuilding, setRebuilding] = useState(false);
  useEffect(() => {
    let live = true;
    const offStatus = api().on('searchStatus', (s) => setStatus(s));
    const offMatches = api().on('savedSearchMatches', ({ matches: found }) => setMatches(found));
    api()
      .search.status({})
      .then(
        (s) => live && setStatus((current) => current ?? s),
        () => {},
      );
    return () => {
      live = false;
      offStatus();
      offMatches();
    };
  }, []);
  const rebuild = () => {
    setRebuilding(true);
    api()
      .search.rebuild({})
      .then(setStatus, (error: unknown) =>
        setStatus((s) => ({
          ...(s ?? { documents: 0, origin: null }),
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        })),
      )
      .finally(() => setRebuilding(false));
  };

  const building = status && (status.state === 'building' || status.state === 'loading');
  const failed = status?.state === 'failed';
  const unsaved = status?.state === 'ready' && !!status.persistError;
  return (
    <>
      {building && (
        <div className="search-banner" role="status">
          {status.state === 'loading' && status.message ? status.message : 'Building the search index'}
          {status.progress !== undefined && status.state === 'building' ? ` — ${Math.round(status.progress * 100)} %` : '…'}
          {status.documents > 0 ? ' Results come from the previous index meanwhile.' : ' Search answers once it is built.'}
        </div>
      )}
      {(failed || unsaved) && (
        <div className="search-banner search-banner-problem" role="alert">
          <span>{failed ? `Search is unavailable: ${status.message ?? 'the index could not be built.'}` : status.persistError}</span>
          <button type="button" onClick={rebuild} disabled={rebuilding}>
            {rebuilding ? 'Rebuilding…' : 'Rebuild'}
          </button>
        </div>
      )}
      {matches.length > 0 && (
        <div className="search-banner search-banner-matches" role="status" aria-label="Saved search matches">
          <ul>
            {matches.map((m) => (
              <li key={m.savedSearchId}>
                <a href={routeHref('search', [], { q: m.query, source: m.sources.length === 1 ? m.sources[0]!.sourceId : undefined })}>
                  {m.newPassages} new passage{m.newPassages === 1 ? '' : 's'} match ‘{m.query}’
                </a>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setMatches([])}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
