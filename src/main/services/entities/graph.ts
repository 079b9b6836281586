import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { CoMention, EntityGraph, EntityType, GraphNode } from '../../../shared/domain';
import type { Store } from '../store/store';
import type { GraphFilter } from '../store/repositories/cooccurrence';

export type GraphQuery = GraphFilter & { types?: EntityType[]; minWeight?: number };

/** Co-occurrence of entities within passages: an edge's weight is the number of passages both appear in. */
export function entityGraph(store: Store, query: GraphQuery): EntityGraph {
  const { cooccurrence } = store.repos;
  const types = query.types?.length ? new Set(query.types) : undefined;
  const nodes = cooccurrence.counts(query).filter((n) => !types || types.has(n.type as EntityType)) as GraphNode[];
  const kept = new Set(nodes.map((n) => n.id));
  const edges = cooccurrence.pairs(query).filter((e) => kept.has(e.source) && kept.has(e.target) && e.weight >= (query.minWeight ?? 1));
  return { nodes, edges };
}

export function coMentions(store: Store, a: string, b: string): CoMention[] {
  return store.repos.cooccurrence.together(a, b);
}

/** The graph as graphology holds it, for the file formats graph tools open. */
export function toGraphology(graph: EntityGraph): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const n of graph.nodes) g.addNode(n.id, { label: n.name, type: n.type, mentions: n.mentionCount });
  for (const e of graph.edges) g.addEdge(e.source, e.target, { weight: e.weight });
  return g;
}

/** GEXF 1.3 for Gephi, written by graphology-gexf (it escapes every label). */
export function graphToGexf(graph: EntityGraph): string {
  return writeGexf(toGraphology(graph), { pretty: true });
}

const xml = (text: string | number) =>
  String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** GraphML (graphology-graphml only reads it): labels, types and counts as declared keys, text escaped. */
export function graphToGraphml(graph: EntityGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="entities" edgedefault="undirected">',
    ...graph.nodes.map(
      (n) =>
        `    <node id="${xml(n.id)}"><data key="label">${xml(n.name)}</data><data key="type">${n.type}</data><data key="mentions">${n.mentionCount}</data></node>`,
    ),
    ...graph.edges.map((e) => `    <edge source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data></edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}
