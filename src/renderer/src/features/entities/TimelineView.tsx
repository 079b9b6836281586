import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntityType, TimelineItem } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, routeHref, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { ExportFiles } from './ExportFiles';

const KIND_LABEL: Record<TimelineItem['kind'], string> = { event: 'Event', source: 'Source published', stated: 'Stated in a passage' };

function hrefOf(item: TimelineItem, route: Route): string {
  if (item.sourceId) return routeHref('source', item.passageAnchor ? [item.sourceId, item.passageAnchor] : [item.sourceId]);
  return withQuery(route, { entity: item.entityIds[0] });
}

/** Dated events, source dates and dates stated in passages, oldest first, grouped by year. */
export function TimelineView({ route }: { route: Route }) {
  const entityId = route.query.get('of') ?? undefined;
  const type = route.query.get('type') as EntityType | null;
  const filter = { ...(entityId ? { entityId } : {}), ...(type && ENTITY_TYPES.includes(type) ? { types: [type] } : {}) };
  const items = useLoad(() => api().entities.timeline(filter), JSON.stringify(filter));
  const entities = useLoad(() => api().entities.list({}), 'timeline-entities');
  const set = (changes: Record<string, string | undefined>) => navigate(withQuery(route, changes));
  return (
    <section className="timeline-view" aria-labelledby="timeline-title">
      <header className="view-header">
        <h1 id="timeline-title">Timeline</h1>
        <nav className="entity-views" aria-label="Entity views">
          <a href="#/entities">List</a> · <a href="#/graph">Graph</a>
        </nav>
      </header>
      <div className="entities-toolbar" role="group" aria-label="Timeline filters">
        <select aria-label="Entity" value={entityId ?? ''} onChange={(e) => set({ of: e.target.value || undefined })}>
          <option value="">All entities</option>
          {entities.status === 'ready' &&
            [...entities.data]
              .filter((e) => e.mentionCount > 0 || e.date)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
        </select>
        <select aria-label="Type" value={type ?? ''} onChange={(e) => set({ type: e.target.value || undefined })}>
          <option value="">All types</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_PLURALS[t]}
            </option>
          ))}
        </select>
      </div>
      <ExportFiles
        label="Export the timeline as shown"
        files={[
          { label: 'CSV', input: { what: 'timeline', format: 'csv', ...filter } },
          { label: 'JSON', input: { what: 'timeline', format: 'json', ...filter } },
        ]}
      />
      <Status state={items}>
        {(list) =>
          list.length === 0 ? (
            <p className="status">Nothing dated here.</p>
          ) : (
            <ol className="timeline">
              {list.map((item, i) => (
                <li key={i} className={`timeline-item kind-${item.kind}`} data-kind={item.kind}>
                  <time dateTime={item.date}>{item.date}</time>
                  <span className="kind">{KIND_LABEL[item.kind]}</span>
                  <a href={hrefOf(item, route)}>{item.label}</a>
                </li>
              ))}
            </ol>
          )
        }
      </Status>
    </section>
  );
}
