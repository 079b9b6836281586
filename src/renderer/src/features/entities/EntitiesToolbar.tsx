import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import { navigate, withQuery, type Route } from '../../app/route';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { ENTITY_SORTS, type EntityListing } from './listing';

/** Filter and sort controls; their state lives in the URL so back/forward and reload keep it. */
export function EntitiesToolbar({ route, listing, shown, total }: { route: Route; listing: EntityListing; shown: number; total: number }) {
  const set = (changes: Record<string, string | undefined>) => navigate(withQuery(route, changes));
  const layout = route.query.get('layout') === 'table' ? 'table' : 'groups';
  return (
    <div className="entities-toolbar" role="search">
      <input
        type="search"
        aria-label="Filter entities"
        placeholder="Filter by name, alias or description"
        defaultValue={listing.text}
        onChange={(e) => set({ q: e.target.value || undefined })}
      />
      <select aria-label="Type" value={listing.type} onChange={(e) => set({ type: e.target.value || undefined })}>
        <option value="">All types</option>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_PLURALS[t]}
          </option>
        ))}
      </select>
      <select aria-label="Sort by" value={listing.sort} onChange={(e) => set({ sort: e.target.value })}>
        {ENTITY_SORTS.map((s) => (
          <option key={s} value={s}>
            Sort by {s}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" checked={listing.minSources > 0} onChange={(e) => set({ mentioned: e.target.checked ? '1' : undefined })} />{' '}
        Mentioned only
      </label>
      <a href={withQuery(route, { layout: layout === 'table' ? undefined : 'table' })}>
        {layout === 'table' ? 'Show by type' : 'Show as table'}
      </a>
      <span className="count" aria-live="polite">
        {shown} of {total}
      </span>
    </div>
  );
}
