// The graph view as it was before the layout moved to a worker (commit f339e2d): one ForceAtlas2
// slice and a full element-by-element redraw on the page's thread in every animation frame.
// Kept only as the benchmark's baseline.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EntityGraph } from '../../src/shared/domain';

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  type: string;
}

export function startBaseline(el: HTMLCanvasElement, data: EntityGraph, measure: (ms: number) => void): () => boolean {
  const ctx = el.getContext('2d')!;
  const g = new Graph<NodeAttrs, { weight: number }>({ type: 'undirected' });
  [...data.nodes]
    .sort((a, b) => b.mentionCount - a.mentionCount)
    .forEach((n, i) => {
      const r = 10 * Math.sqrt(i + 1);
      g.addNode(n.id, {
        x: r * Math.cos(i * 2.399963),
        y: r * Math.sin(i * 2.399963),
        size: 3 + Math.sqrt(n.mentionCount),
        label: n.name,
        type: n.type,
      });
    });
  for (const e of data.edges) g.addEdge(e.source, e.target, { weight: e.weight });
  const view = { scale: 1, x: 0, y: 0 };
  let frame = 0;
  const fit = () => {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    g.forEachNode(
      (_, a) => ([minX, minY, maxX, maxY] = [Math.min(minX, a.x), Math.min(minY, a.y), Math.max(maxX, a.x), Math.max(maxY, a.y)]),
    );
    view.scale = Math.min(el.width / (maxX - minX + 40), el.height / (maxY - minY + 40));
    view.x = el.width / 2 - ((minX + maxX) / 2) * view.scale;
    view.y = el.height / 2 - ((minY + maxY) / 2) * view.scale;
  };
  const draw = () => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, el.width, el.height);
    ctx.setTransform(view.scale, 0, 0, view.scale, view.x, view.y);
    ctx.strokeStyle = 'rgba(90, 100, 115, 0.35)';
    g.forEachEdge((_, e, __, ___, s, t) => {
      ctx.lineWidth = Math.min(6, 0.5 + Math.log2(e.weight + 1)) / view.scale;
      ctx.beginPath();
      ctx.moveTo(s.x, s.y);
      ctx.lineTo(t.x, t.y);
      ctx.stroke();
    });
    g.forEachNode((_, a) => {
      ctx.fillStyle = '#1d4ed8';
      ctx.beginPath();
      ctx.arc(a.x, a.y, a.size / view.scale, 0, Math.PI * 2);
      ctx.fill();
    });
    ctx.fillStyle = '#1d232b';
    ctx.font = `${12 / view.scale}px system-ui, sans-serif`;
    g.forEachNode((_, a) => {
      if (g.order < 80 || a.size > 8 || view.scale > 3) ctx.fillText(a.label, a.x + (a.size + 2) / view.scale, a.y + 4 / view.scale);
    });
  };
  const large = g.order > 500;
  let running = true;
  const tick = () => {
    const t = performance.now();
    forceAtlas2.assign(g, {
      iterations: large ? 1 : 5,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: large, adjustSizes: false },
    });
    if (frame % 10 === 0) fit();
    draw();
    measure(performance.now() - t);
    if (++frame < 300 && running) requestAnimationFrame(tick);
    else running = false;
  };
  requestAnimationFrame(tick);
  return () => running;
}
