import type { Handlers } from '../../../shared/contract';
import type { SavedSearches } from './saved';
import type { SearchService } from './service';

export function searchHandlers(search: SearchService, saved: SavedSearches): Handlers['search'] {
  return {
    query: ({ q, limit, filters, kinds, perSource }) => search.query(q, { limit, filters, kinds, perSource }),
    status: () => search.status(),
    rebuild: () => search.rebuild(),
    listSaved: () => saved.list(),
    save: ({ query, filters }) => saved.save(query, filters),
    removeSaved: ({ id }) => saved.remove(id),
    batch: ({ terms, filters }) => saved.batch(terms, filters),
  };
}
