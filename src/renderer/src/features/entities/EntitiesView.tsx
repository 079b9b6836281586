import { useEffect, useState } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntitySummary, EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { ExportFiles } from './ExportFiles';
import { EntitiesToolbar } from './EntitiesToolbar';
import { EntityTable } from './EntityTable';
import { ENTITY_LIST, ENTITY_SORTS, listEntities, type EntityListing, type EntitySort } from './listing';
import { useListChoice, type ListState } from '../../app/useListChoice';
import { useSettings } from '../../app/settings';
import { NewEntityForm } from './NewEntityForm';

function group(list: EntitySummary[]): Map<EntityType, EntitySummary[]> {
  const groups = new Map<EntityType, EntitySummary[]>(ENTITY_TYPES.map((t) => [t, []]));
  for (const e of list) groups.get(e.type)!.push(e);
  return groups;
}

/**
 * A link may still carry the list's choice in its query (?type=organization&sort=name&q=…, as
 * older links and scripts do): it is taken into the kept choice once, and leaves the URL.
 */
function useQueryChoice(route: Route, set: (change: Partial<ListState<EntitySort>>) => void) {
  const sort = route.query.get('sort');
  const type = route.query.get('type');
  const q = route.query.get('q');
  // After the kept settings have arrived, so the choice from the link is not overwritten by them.
  const { loaded } = useSettings();
  useEffect(() => {
    if (!loaded || (sort === null && type === null && q === null)) return;
    const change: Partial<ListState<EntitySort>> = {};
    if (sort && (ENTITY_SORTS as readonly string[]).includes(sort))
      Object.assign(change, { sort: sort as EntitySort, descending: ENTITY_LIST.descendingFirst.includes(sort as EntitySort) });
    if (type !== null) change.only = (ENTITY_TYPES as readonly string[]).includes(type) ? type : '';
    if (q !== null) change.filter = q;
    set(change);
    navigate(withQuery(route, { sort: undefined, type: undefined, q: undefined }));
    // Runs when the query carries a choice; `set` and `route` follow from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, sort, type, q]);
}

export function EntitiesView({ route }: { route: Route }) {
  const [version, setVersion] = useState(0);
  const entities = useLoad(() => api().entities.list({}), `entities:${version}`, [{ kind: 'entity' }, { kind: 'source' }]);
  const [choice, set, sortBy] = useListChoice('entities', ENTITY_LIST);
  useQueryChoice(route, set);
  const listing: EntityListing = {
    ...choice,
    only: (ENTITY_TYPES as readonly string[]).includes(choice.only) ? choice.only : '',
    minSources: route.query.get('mentioned') ? 1 : 0,
  };
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
          // The files hold the type the list is filtered to (every entity of it, whatever words filter the list).
          const toolbar = (
            <>
              <EntitiesToolbar route={route} listing={listing} set={set} shown={list.length} total={all.length} />
              <ExportFiles
                label={listing.only ? `Export the ${TYPE_PLURALS[listing.only as EntityType].toLowerCase()}` : 'Export every entity'}
                files={(['entities', 'mentions'] as const).flatMap((what) =>
                  (['csv', 'json'] as const).map((format) => ({
                    label: `${what === 'entities' ? 'Entities' : 'Mentions'} ${format.toUpperCase()}`,
                    input: { what, format, ...(listing.only ? { type: listing.only as EntityType } : {}) },
                  })),
                )}
              />
            </>
          );
          if (route.query.get('layout') === 'table')
            return (
              <>
                {toolbar}
                <EntityTable route={route} list={list} listing={listing} sortBy={sortBy} />
              </>
            );
          return (
            <>
              {toolbar}
              <div className="entity-groups">
                {[...group(list)]
                  .filter(([, items]) => items.length > 0 || !listing.only)
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
