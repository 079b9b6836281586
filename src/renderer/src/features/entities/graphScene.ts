import type { EntityGraph } from '../../../../shared/domain';

/**
 * The graph as flat typed arrays: what the page keeps to draw and hit-test, and what it hands to
 * the layout worker (positions go there and come back as one transferable Float32Array a frame,
 * so nothing is rebuilt or copied node by node on the page's thread).
 */
export interface GraphScene {
  ids: string[];
  labels: string[];
  types: string[];
  /** Radius in screen pixels at scale 1. */
  sizes: Float32Array;
  /** x0, y0, x1, y1, … in graph coordinates. */
  positions: Float32Array;
  /** Node indexes, two per edge. */
  edges: Uint32Array;
  weights: Float32Array;
  /** Edge indexes grouped by the width they are drawn with: one stroke per group. */
  edgeGroups: { width: number; edges: Uint32Array }[];
  /** Node indexes grouped by type: one fill per type. */
  nodeGroups: { type: string; nodes: Uint32Array }[];
}

export const edgeWidth = (weight: number) => Math.round(2 * Math.min(6, 0.5 + Math.log2(weight + 1))) / 2;

/**
 * Busiest entities first, placed on a golden-angle spiral (deterministic: the same graph opens the
 * same way) for ForceAtlas2 to refine.
 */
export function sceneOf(data: EntityGraph): GraphScene {
  const ordered = [...data.nodes].sort((a, b) => b.mentionCount - a.mentionCount);
  const index = new Map(ordered.map((n, i) => [n.id, i]));
  const positions = new Float32Array(ordered.length * 2);
  ordered.forEach((_, i) => {
    const r = 10 * Math.sqrt(i + 1);
    const a = i * 2.399963;
    positions[2 * i] = r * Math.cos(a);
    positions[2 * i + 1] = r * Math.sin(a);
  });
  const kept = data.edges.filter((e) => index.has(e.source) && index.has(e.target) && e.source !== e.target);
  const edges = new Uint32Array(kept.length * 2);
  const weights = new Float32Array(kept.length);
  kept.forEach((e, i) => {
    edges[2 * i] = index.get(e.source)!;
    edges[2 * i + 1] = index.get(e.target)!;
    weights[i] = e.weight;
  });
  return assembleScene({
    ids: ordered.map((n) => n.id),
    labels: ordered.map((n) => n.name),
    types: ordered.map((n) => n.type),
    sizes: Float32Array.from(ordered, (n) => 3 + Math.sqrt(n.mentionCount)),
    positions,
    edges,
    weights,
  });
}

/** A scene from its arrays, with the drawing groups worked out. */
export function assembleScene(s: Omit<GraphScene, 'edgeGroups' | 'nodeGroups'>): GraphScene {
  return {
    ...s,
    edgeGroups: groupBy(s.weights.length, (i) => edgeWidth(s.weights[i]!)).map(([width, edges]) => ({ width, edges })),
    nodeGroups: groupBy(s.types.length, (i) => s.types[i]!).map(([type, nodes]) => ({ type, nodes })),
  };
}

function groupBy<K>(count: number, key: (i: number) => K): [K, Uint32Array][] {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const list = groups.get(k) ?? [];
    list.push(i);
    groups.set(k, list);
  }
  return [...groups].map(([k, list]) => [k, Uint32Array.from(list)]);
}

/** The nearest node under a point (graph coordinates), if within its drawn radius. */
export function nodeAt(s: GraphScene, x: number, y: number, scale: number): number | undefined {
  let best: number | undefined;
  let bestD = Infinity;
  for (let i = 0; i < s.ids.length; i++) {
    const d = Math.hypot(s.positions[2 * i]! - x, s.positions[2 * i + 1]! - y);
    if (d < Math.max(s.sizes[i]!, 4) / scale && d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** The edge closest to a point, within a few pixels. */
export function edgeAt(s: GraphScene, x: number, y: number, scale: number): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestD = 5 / scale;
  const p = s.positions;
  for (let e = 0; e < s.weights.length; e++) {
    const a = s.edges[2 * e]!;
    const b = s.edges[2 * e + 1]!;
    const [ax, ay, bx, by] = [p[2 * a]!, p[2 * a + 1]!, p[2 * b]!, p[2 * b + 1]!];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy || 1;
    const k = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const d = Math.hypot(ax + k * dx - x, ay + k * dy - y);
    if (d < bestD) [best, bestD] = [[s.ids[a]!, s.ids[b]!], d];
  }
  return best;
}

export interface View {
  scale: number;
  x: number;
  y: number;
}

/** The view that fits every node into a canvas of the given size. */
export function fitView(s: GraphScene, width: number, height: number): View | undefined {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const p = s.positions;
  for (let i = 0; i < p.length; i += 2) {
    minX = Math.min(minX, p[i]!);
    maxX = Math.max(maxX, p[i]!);
    minY = Math.min(minY, p[i + 1]!);
    maxY = Math.max(maxY, p[i + 1]!);
  }
  if (!isFinite(minX)) return undefined;
  const scale = Math.min(width / (maxX - minX + 40), height / (maxY - minY + 40));
  return { scale, x: width / 2 - ((minX + maxX) / 2) * scale, y: height / 2 - ((minY + maxY) / 2) * scale };
}

export interface Palette {
  edge: string;
  label: string;
  node: (type: string) => string;
}

/**
 * Draws the whole scene: one path per edge width and one per node type (a few dozen canvas calls
 * in place of one per element, which is what keeps a 5,000-node frame short), then the labels
 * that can be read at this zoom.
 */
export function drawScene(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  s: GraphScene,
  view: View,
  palette: Palette,
): void {
  const p = s.positions;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(view.scale, 0, 0, view.scale, view.x, view.y);
  ctx.strokeStyle = palette.edge;
  for (const group of s.edgeGroups) {
    ctx.lineWidth = group.width / view.scale;
    ctx.beginPath();
    for (const e of group.edges) {
      const a = s.edges[2 * e]!;
      const b = s.edges[2 * e + 1]!;
      ctx.moveTo(p[2 * a]!, p[2 * a + 1]!);
      ctx.lineTo(p[2 * b]!, p[2 * b + 1]!);
    }
    ctx.stroke();
  }
  for (const group of s.nodeGroups) {
    ctx.fillStyle = palette.node(group.type);
    ctx.beginPath();
    for (const i of group.nodes) {
      const r = s.sizes[i]! / view.scale;
      ctx.moveTo(p[2 * i]! + r, p[2 * i + 1]!);
      ctx.arc(p[2 * i]!, p[2 * i + 1]!, r, 0, Math.PI * 2);
    }
    ctx.fill();
  }
  // Labels only where they can be read, and few enough to stay cheap: the busiest entities on
  // screen first (the scene is ordered by mentions), all of them when zoomed in or when few.
  // Labels are drawn in screen pixels: text under a large transform is far slower to render.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = palette.label;
  ctx.font = '12px system-ui, sans-serif';
  const limit = s.ids.length < 80 ? Infinity : view.scale > 3 ? 300 : 60;
  const [width, height] = [ctx.canvas.width, ctx.canvas.height];
  for (let i = 0, drawn = 0; i < s.ids.length && drawn < limit; i++) {
    const [x, y] = [p[2 * i]! * view.scale + view.x, p[2 * i + 1]! * view.scale + view.y];
    if (x < 0 || x > width || y < 0 || y > height) continue;
    ctx.fillText(s.labels[i]!, x + s.sizes[i]! + 2, y + 4);
    drawn++;
  }
}
