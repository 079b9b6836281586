import { useState } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntityGraph, EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { TYPE_PLURALS } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { EdgePassages } from './EdgePassages';
import { ExportFiles } from './ExportFiles';
import { GraphCanvas } from './GraphCanvas';

function queryOf(route: Route) {
  const types = (route.query.get('types') ?? '').split(',').filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType));
  const min = Number(route.query.get('min') ?? '1');
  return {
    ...(types.length ? { types } : {}),
    ...(route.query.get('source') ? { sourceId: route.query.get('source')! } : {}),
    ...(route.query.get('from') ? { from: route.query.get('from')! } : {}),
    ...(route.query.get('to') ? { to: route.query.get('to')! } : {}),
    minWeight: Number.isInteger(min) && min > 0 ? min : 1,
  };
}

/** The strongest links, as a list: the graph's content for keyboards and screen readers. */
function StrongestLinks({ data, open }: { data: EntityGraph; open: (a: string, b: string) => void }) {
  const name = new Map(data.nodes.map((n) => [n.id, n.name]));
  const top = [...data.edges].sort((a, b) => b.weight - a.weight).slice(0, 25);
  return (
    <ol className="strongest-links" aria-label="Strongest links">
      {top.map((e) => (
        <li key={`${e.source}|${e.target}`}>
          <button type="button" onClick={() => open(e.source, e.target)}>
            {name.get(e.source)} — {name.get(e.target)}
          </button>{' '}
          <span className="count">{e.weight}</span>
        </li>
      ))}
    </ol>
  );
}

/** Co-occurrence of entities within passages; click a node for its panel, an edge for the passages. */
export function GraphView({ route }: { route: Route }) {
  const query = queryOf(route);
  const graph = useLoad(() => api().entities.graph(query), JSON.stringify(query));
  const [edge, setEdge] = useState<[string, string] | null>(null);
  const set = (changes: Record<string, string | undefined>) => navigate(withQuery(route, changes));
  const types = query.types ?? [];
  const toggle = (t: EntityType) => {
    const next = types.includes(t) ? types.filter((x) => x !== t) : [...types, t];
    set({ types: next.length ? next.join(',') : undefined });
  };
  return (
    <section className="graph-view" aria-labelledby="graph-title">
      <header className="view-header">
        <h1 id="graph-title">Entity graph</h1>
        <nav className="entity-views" aria-label="Entity views">
          <a href="#/entities">List</a> · <a href="#/timeline">Timeline</a>
        </nav>
      </header>
      <div className="entities-toolbar" role="group" aria-label="Graph filters">
        {ENTITY_TYPES.map((t) => (
          <label key={t}>
            <input type="checkbox" checked={types.includes(t)} onChange={() => toggle(t)} />{' '}
            <span className={`swatch ent-${t}`} aria-hidden="true" /> {TYPE_PLURALS[t]}
          </label>
        ))}
        <label>
          Min. passages{' '}
          <input
            type="number"
            min={1}
            value={query.minWeight}
            onChange={(e) => set({ min: e.target.value || undefined })}
            aria-label="Minimum passages"
          />
        </label>
        <label>
          From{' '}
          <input
            aria-label="Sources issued from"
            placeholder="YYYY"
            defaultValue={query.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          To{' '}
          <input
            aria-label="Sources issued to"
            placeholder="YYYY"
            defaultValue={query.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </label>
      </div>
      <ExportFiles
        label="Export the graph as shown"
        files={[
          { label: 'GraphML', input: { what: 'graph', format: 'graphml', ...query } },
          { label: 'GEXF (Gephi)', input: { what: 'graph', format: 'gexf', ...query } },
          { label: 'JSON', input: { what: 'graph', format: 'json', ...query } },
        ]}
      />
      <Status state={graph}>
        {(data) => (
          <div className="graph-layout">
            <div>
              <p className="status">
                {data.nodes.length} entities, {data.edges.length} links (passages in which both appear)
              </p>
              <GraphCanvas data={data} onNode={(id) => navigate(withQuery(route, { entity: id }))} onEdge={(a, b) => setEdge([a, b])} />
            </div>
            <aside>
              {edge ? (
                <EdgePassages a={edge[0]} b={edge[1]} names={data.nodes} close={() => setEdge(null)} />
              ) : (
                <StrongestLinks data={data} open={(a, b) => setEdge([a, b])} />
              )}
            </aside>
          </div>
        )}
      </Status>
    </section>
  );
}
