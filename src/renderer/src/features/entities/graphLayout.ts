import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EntityGraph } from '../../../../shared/domain';

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  type: string;
}

/**
 * The entity graph as graphology holds it, nodes placed on a golden-angle spiral (deterministic:
 * the same graph opens the same way) for ForceAtlas2 to refine.
 */
export function buildGraph(data: EntityGraph): Graph<NodeAttrs, { weight: number }> {
  const g = new Graph<NodeAttrs, { weight: number }>({ type: 'undirected' });
  const ordered = [...data.nodes].sort((a, b) => b.mentionCount - a.mentionCount);
  ordered.forEach((n, i) => {
    const r = 10 * Math.sqrt(i + 1);
    const a = i * 2.399963;
    g.addNode(n.id, { x: r * Math.cos(a), y: r * Math.sin(a), size: 3 + Math.sqrt(n.mentionCount), label: n.name, type: n.type });
  });
  for (const e of data.edges) g.addEdge(e.source, e.target, { weight: e.weight });
  return g;
}

/**
 * One slice of ForceAtlas2 (graphology-layout-forceatlas2), sized so a frame stays short: large
 * graphs use the Barnes-Hut approximation and fewer iterations per frame.
 */
export function stepLayout(g: Graph<NodeAttrs, { weight: number }>): void {
  const large = g.order > 500;
  forceAtlas2.assign(g, {
    iterations: large ? 1 : 5,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: large, adjustSizes: false },
  });
}

/** The nearest node under a point (graph coordinates), if within its drawn radius. */
export function nodeAt(g: Graph<NodeAttrs, { weight: number }>, x: number, y: number, scale: number): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  g.forEachNode((id, a) => {
    const d = Math.hypot(a.x - x, a.y - y);
    if (d < Math.max(a.size, 4) / scale && d < bestD) [best, bestD] = [id, d];
  });
  return best;
}

/** The edge closest to a point, within a few pixels. */
export function edgeAt(g: Graph<NodeAttrs, { weight: number }>, x: number, y: number, scale: number): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestD = 5 / scale;
  g.forEachEdge((_, __, s, t, sa, ta) => {
    const dx = ta.x - sa.x;
    const dy = ta.y - sa.y;
    const len2 = dx * dx + dy * dy || 1;
    const k = Math.max(0, Math.min(1, ((x - sa.x) * dx + (y - sa.y) * dy) / len2));
    const d = Math.hypot(sa.x + k * dx - x, sa.y + k * dy - y);
    if (d < bestD) [best, bestD] = [[s, t], d];
  });
  return best;
}
