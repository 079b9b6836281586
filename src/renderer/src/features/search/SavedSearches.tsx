import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch, SearchFilters } from '../../../../shared/search';
import { api } from '../../api';
import { routeHref } from '../../app/route';

/** Save the current search to run again on every import; the saved ones, with what the last import brought. */
export function SavedSearches({ q, filters }: { q: string; filters: SearchFilters }) {
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(() => {
    api()
      .search.listSaved({})
      .then(setSaved, (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  }, []);
  useEffect(() => {
    reload();
    return api().on('savedSearchMatches', reload);
  }, [reload]);
  const save = () => {
    api()
      .search.save({ query: q.trim(), filters })
      .then(() => {
        setMessage(`Saved: “${q.trim()}” runs again on every import.`);
        reload();
      })
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  };
  const remove = (id: string) => {
    api()
      .search.removeSaved({ id })
      .then(reload)
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  };
  return (
    <section className="saved-searches" aria-label="Saved searches">
      <button type="button" onClick={save} disabled={!q.trim()}>
        Save this search
      </button>
      {message && <span className="saved-message">{message}</span>}
      {saved.length > 0 && (
        <ul>
          {saved.map((s) => (
            <li key={s.id}>
              <a href={routeHref('search', [], { q: s.query })}>{s.query}</a>
              {s.lastMatchedAt && (
                <span className="saved-detail">
                  {' '}
                  — last import: {s.lastNewPassages} new passage{s.lastNewPassages === 1 ? '' : 's'}
                </span>
              )}
              <button type="button" className="link-button" aria-label={`Remove saved search ${s.query}`} onClick={() => remove(s.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
