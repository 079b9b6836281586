import type { EntitySummary } from '../../../../shared/domain';
import { withQuery, type Route } from '../../app/route';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';
import type { EntitySort } from './listing';

const COLUMNS: { sort: EntitySort; label: string }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'type', label: 'Type' },
  { sort: 'mentions', label: 'Mentions' },
  { sort: 'sources', label: 'Sources' },
  { sort: 'date', label: 'Date' },
];

/** The entities as a table; each column heading sorts by it. */
export function EntityTable({ route, list, sort }: { route: Route; list: EntitySummary[]; sort: EntitySort }) {
  return (
    <table className="entity-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.sort}
              aria-sort={
                c.sort === sort ? (c.sort === 'name' || c.sort === 'type' || c.sort === 'date' ? 'ascending' : 'descending') : 'none'
              }
            >
              <a href={withQuery(route, { sort: c.sort })}>{c.label}</a>
            </th>
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
