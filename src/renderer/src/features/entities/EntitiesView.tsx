import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntitySummary, EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';

function group(list: EntitySummary[]): Map<EntityType, EntitySummary[]> {
  const groups = new Map<EntityType, EntitySummary[]>(ENTITY_TYPES.map((t) => [t, []]));
  for (const e of list) groups.get(e.type)!.push(e);
  for (const entities of groups.values()) entities.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  return groups;
}

export function EntitiesView({ route }: { route: Route }) {
  const entities = useLoad(() => api().entities.list({}), 'entities', [{ kind: 'entity' }, { kind: 'source' }]);
  return (
    <section className="entities-view" aria-labelledby="entities-title">
      <header className="view-header">
        <h1 id="entities-title">Entities</h1>
      </header>
      <Status state={entities}>
        {(list) => (
          <div className="entity-groups">
            {[...group(list)].map(([type, items]) => (
              <section key={type} className="entity-group" aria-labelledby={`group-${type}`} data-type={type}>
                <h2 id={`group-${type}`}>
                  <span className={`swatch ent-${type}`} aria-hidden="true" /> {TYPE_PLURALS[type]}{' '}
                  <span className="count">{items.length}</span>
                </h2>
                <ul>
                  {items.map((e) => (
                    <li key={e.id}>
                      <a
                        href={withQuery(route, { entity: e.id })}
                        data-entity-id={e.id}
                        className={e.mentionCount === 0 ? 'unmentioned' : undefined}
                      >
                        {e.name}
                      </a>{' '}
                      <span className="count" title={`${e.mentionCount} mentions in ${e.sourceCount} sources`}>
                        {e.mentionCount}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </Status>
    </section>
  );
}
