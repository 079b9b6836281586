import { useState } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntitySummary, EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { EntitiesToolbar } from './EntitiesToolbar';
import { EntityTable } from './EntityTable';
import { ENTITY_SORTS, listEntities, type EntityListing, type EntitySort } from './listing';
import { NewEntityForm } from './NewEntityForm';

function group(list: EntitySummary[]): Map<EntityType, EntitySummary[]> {
  const groups = new Map<EntityType, EntitySummary[]>(ENTITY_TYPES.map((t) => [t, []]));
  for (const e of list) groups.get(e.type)!.push(e);
  return groups;
}

function listingOf(route: Route): EntityListing {
  const sort = route.query.get('sort') as EntitySort | null;
  const type = route.query.get('type') as EntityType | null;
  return {
    text: route.query.get('q') ?? '',
    type: type && ENTITY_TYPES.includes(type) ? type : '',
    sort: sort && ENTITY_SORTS.includes(sort) ? sort : 'mentions',
    minSources: route.query.get('mentioned') ? 1 : 0,
  };
}

export function EntitiesView({ route }: { route: Route }) {
  const [version, setVersion] = useState(0);
  const entities = useLoad(() => api().entities.list({}), `entities:${version}`, [{ kind: 'entity' }, { kind: 'source' }]);
  const listing = listingOf(route);
  const created = (id: string) => {
    setVersion((v) => v + 1);
    navigate(withQuery(route, { entity: id }));
  };
  return (
    <section className="entities-view" aria-labelledby="entities-title">
      <header className="view-header">
        <h1 id="entities-title">Entities</h1>
        <nav className="entity-views" aria-label="Entity views">
          <a href="#/graph">Graph</a> · <a href="#/timeline">Timeline</a>
        </nav>
      </header>
      <NewEntityForm created={created} />
      <Status state={entities}>
        {(all) => {
          const list = listEntities(all, listing);
          const toolbar = <EntitiesToolbar route={route} listing={listing} shown={list.length} total={all.length} />;
          if (route.query.get('layout') === 'table')
            return (
              <>
                {toolbar}
                <EntityTable route={route} list={list} sort={listing.sort} />
              </>
            );
          return (
            <>
              {toolbar}
              <div className="entity-groups">
                {[...group(list)]
                  .filter(([, items]) => items.length > 0 || !listing.type)
                  .map(([type, items]) => (
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
            </>
          );
        }}
      </Status>
    </section>
  );
}
