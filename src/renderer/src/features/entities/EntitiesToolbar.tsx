import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import { navigate, withQuery, type Route } from '../../app/route';
import type { ListState } from '../../app/useListChoice';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { ListFilter } from '../../ui/ListFilter';
import { ENTITY_SORTS, type EntityListing, type EntitySort } from './listing';

interface Props {
  route: Route;
  listing: EntityListing;
  set: (change: Partial<ListState<EntitySort>>) => void;
  shown: number;
  total: number;
}

/**
 * The filter box, type and reach, as every list has them; the choice is kept in the notebook's
 * settings. The layout (groups or table) lives in the URL. Grouped, there are no column headings,
 * so a menu sorts.
 */
export function EntitiesToolbar({ route, listing, set, shown, total }: Props) {
  const layout = route.query.get('layout') === 'table' ? 'table' : 'groups';
  return (
    <ListFilter
      label="Filter entities"
      placeholder="Filter by name, alias or description"
      value={listing.filter}
      onChange={(filter) => set({ filter })}
      shown={shown}
      total={total}
    >
      <select aria-label="Type" value={listing.only} onChange={(e) => set({ only: e.target.value })}>
        <option value="">All types</option>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_PLURALS[t]}
          </option>
        ))}
      </select>
      {layout === 'groups' && (
        <select
          aria-label="Sort by"
          value={listing.sort}
          onChange={(e) => {
            const sort = e.target.value as EntitySort;
            set({ sort, descending: sort === 'mentions' || sort === 'sources' });
          }}
        >
          {ENTITY_SORTS.map((s) => (
            <option key={s} value={s}>
              Sort by {s}
            </option>
          ))}
        </select>
      )}
      <label>
        <input
          type="checkbox"
          checked={listing.minSources > 0}
          onChange={(e) => navigate(withQuery(route, { mentioned: e.target.checked ? '1' : undefined }))}
        />{' '}
        Mentioned only
      </label>
      <a href={withQuery(route, { layout: layout === 'table' ? undefined : 'table' })}>
        {layout === 'table' ? 'Show by type' : 'Show as table'}
      </a>
    </ListFilter>
  );
}
