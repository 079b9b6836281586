import { useState } from 'react';
import type { SearchFilters, SearchHit } from '../../../../shared/search';
import type { EntityType } from '../../../../shared/contract/ids';
import { api } from '../../api';
import { navigate, routeHref, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { hitHref } from './hitHref';
import { flatHits, ResultList } from './ResultList';
import { SearchMessages } from './SearchMessages';
import { SearchFiltersForm, usableFilters } from './SearchFiltersForm';
import { useResultKeys } from './useResultKeys';
import { SavedSearches } from './SavedSearches';
import { BatchSearch } from './BatchSearch';
import { responseOf, useSearch } from './useSearch';
import './search.css';

const ID = 'search-view';

function filtersFrom(route: Route): SearchFilters {
  const q = route.query;
  const list = (key: string) => (q.get(key) ? [q.get(key)!] : undefined);
  return {
    source: list('source'),
    entity: list('entity-filter'),
    type: list('type') as EntityType[] | undefined,
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
    undated: q.get('undated') === 'include' ? 'include' : undefined,
  };
}

/** Keeps the view's state in the URL without a history entry per keystroke. */
function replaceUrl(q: string, filters: SearchFilters) {
  const href = routeHref('search', [], {
    q: q || undefined,
    source: filters.source?.[0],
    'entity-filter': filters.entity?.[0],
    type: filters.type?.[0],
    from: filters.from,
    to: filters.to,
    undated: filters.undated,
  });
  window.history.replaceState(null, '', href);
}

export function SearchView({ route }: { route: Route }) {
  const [q, setQ] = useState(route.query.get('q') ?? '');
  const [filters, setFilters] = useState<SearchFilters>(() => filtersFrom(route));
  const [batch, setBatch] = useState(false);
  const sources = useLoad(() => api().sources.list({}), 'sources');
  const state = useSearch(q, { limit: 50, filters: usableFilters(filters), delayMs: 120 });
  const response = responseOf(state);
  const hits = flatHits(response);
  const keys = useResultKeys(hits, (hit: SearchHit) => navigate(hitHref(hit)));
  const update = (nextQ: string, nextFilters: SearchFilters) => {
    setQ(nextQ);
    setFilters(nextFilters);
    replaceUrl(nextQ, nextFilters);
  };

  return (
    <section className="search-view" aria-label="Search">
      <h1>Search</h1>
      <input
        className="search-view-input"
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${ID}-listbox`}
        aria-activedescendant={hits.length > 0 ? `${ID}-option-${keys.selected}` : undefined}
        aria-label="Search query"
        placeholder='Words, "exact phrases", entity:mss source:seed-002 type:person from:2020 to:2024'
        autoFocus
        value={q}
        onChange={(e) => update(e.target.value, filters)}
        onKeyDown={keys.onKeyDown}
      />
      <SearchFiltersForm
        filters={filters}
        inForce={response?.filters}
        sources={sources.status === 'ready' ? sources.data : []}
        onChange={(next) => update(q, next)}
      />
      <SavedSearches q={q} filters={usableFilters(filters)} />
      <button type="button" className="link-button" aria-expanded={batch} onClick={() => setBatch(!batch)}>
        {batch ? 'Hide batch search' : 'Batch search: many terms at once'}
      </button>
      {batch && <BatchSearch />}
      <SearchMessages state={state} response={response} />
      {state.status === 'idle' && <p className="search-empty">Type to search every passage, source, entity and note.</p>}
      {response && hits.length === 0 && <p className="search-empty">No results.</p>}
      {response && hits.length > 0 && <ResultList response={response} selected={keys.selected} idPrefix={ID} onHover={keys.setSelected} />}
    </section>
  );
}
