import type { EntitySummary } from '../../../../shared/domain';
import { withQuery, type Route } from '../../app/route';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';
import { SortableHeader } from '../../ui/SortableHeader';
import type { EntityListing, EntitySort } from './listing';

const COLUMNS: { sort: EntitySort; label: string; className?: string }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'type', label: 'Type' },
  { sort: 'mentions', label: 'Mentions', className: 'num' },
  { sort: 'sources', label: 'Sources', className: 'num' },
  { sort: 'date', label: 'Date' },
];

/** The entities as a table; each column heading sorts by it, a second press turns the order round. */
export function EntityTable({
  route,
  list,
  listing,
  sortBy,
}: {
  route: Route;
  list: EntitySummary[];
  listing: EntityListing;
  sortBy: (sort: EntitySort) => void;
}) {
  return (
    <table className="entity-table sortable-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortableHeader
              key={c.sort}
              column={c.sort}
              sort={listing.sort}
              descending={listing.descending}
              onSort={sortBy}
              className={c.className}
            >
              {c.label}
            </SortableHeader>
          ))}
        </tr>
      </thead>
      <tbody>
        {list.map((e) => (
          <tr key={e.id}>
            <td>
              <a href={withQuery(route, { entity: e.id })} data-entity-id={e.id}>
                {e.name}
              </a>
              {e.aliases.length > 0 && <span className="muted"> · {e.aliases.slice(0, 3).join(', ')}</span>}
            </td>
            <td>{TYPE_LABELS[e.type]}</td>
            <td className="num">{e.mentionCount}</td>
            <td className="num">{e.sourceCount}</td>
            <td>{e.date ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
