import type { Handlers } from '../../../shared/contract';
import type { SearchService } from './service';

export function searchHandlers(search: SearchService): Handlers['search'] {
  return {
    query: ({ q, limit, filters, kinds }) => search.query(q, { limit, filters, kinds }),
    status: () => search.status(),
    rebuild: () => search.rebuild(),
  };
}
