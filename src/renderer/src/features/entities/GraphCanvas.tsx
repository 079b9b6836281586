import { useEffect, useRef } from 'react';
import type { EntityGraph } from '../../../../shared/domain';
import { buildGraph, edgeAt, nodeAt, stepLayout } from './graphLayout';

const LAYOUT_FRAMES = 300;

/**
 * Draws the graph on a canvas and lays it out with ForceAtlas2 a slice per animation frame, so the
 * page answers clicks and scrolls while a large graph settles. Wheel zooms, drag pans; a click on
 * a node or an edge is reported.
 */
export function GraphCanvas({
  data,
  onNode,
  onEdge,
}: {
  data: EntityGraph;
  onNode: (id: string) => void;
  onEdge: (a: string, b: string) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const handlers = useRef({ onNode, onEdge });
  useEffect(() => {
    handlers.current = { onNode, onEdge };
  });
  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    const g = buildGraph(data);
    const colours = getComputedStyle(document.documentElement);
    const colour = (type: string) => colours.getPropertyValue(`--${type}`).trim() || '#555';
    const view = { scale: 1, x: 0, y: 0 };
    let frame = 0;
    let raf = 0;
    const fit = () => {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      g.forEachNode(
        (_, a) => ([minX, minY, maxX, maxY] = [Math.min(minX, a.x), Math.min(minY, a.y), Math.max(maxX, a.x), Math.max(maxY, a.y)]),
      );
      if (!isFinite(minX)) return;
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
        ctx.fillStyle = colour(a.type);
        ctx.beginPath();
        ctx.arc(a.x, a.y, a.size / view.scale, 0, Math.PI * 2);
        ctx.fill();
      });
      // Labels only where they can be read: the larger nodes, or all when zoomed in or few.
      ctx.fillStyle = '#1d232b';
      ctx.font = `${12 / view.scale}px system-ui, sans-serif`;
      g.forEachNode((_, a) => {
        if (g.order < 80 || a.size > 8 || view.scale > 3) ctx.fillText(a.label, a.x + (a.size + 2) / view.scale, a.y + 4 / view.scale);
      });
    };
    // Where the busiest entity ended up, in CSS pixels of the canvas: a fixed point to point at.
    const settled = () => {
      let hub: string | undefined;
      g.forEachNode((id, a) => {
        if (!hub || a.size > g.getNodeAttribute(hub, 'size')) hub = id;
      });
      if (hub) {
        const a = g.getNodeAttributes(hub);
        const r = el.getBoundingClientRect();
        el.dataset.hubId = hub;
        el.dataset.hubX = String(((a.x * view.scale + view.x) * r.width) / el.width);
        el.dataset.hubY = String(((a.y * view.scale + view.y) * r.height) / el.height);
      }
      el.dataset.settled = 'true';
    };
    const tick = () => {
      stepLayout(g);
      if (frame % 10 === 0) fit();
      draw();
      if (++frame < LAYOUT_FRAMES) raf = requestAnimationFrame(tick);
      else settled();
    };
    el.dataset.settled = 'false';
    raf = requestAnimationFrame(tick);

    const toGraph = (ev: MouseEvent) => {
      const r = el.getBoundingClientRect();
      const px = ((ev.clientX - r.left) * el.width) / r.width;
      const py = ((ev.clientY - r.top) * el.height) / r.height;
      return [(px - view.x) / view.scale, (py - view.y) / view.scale] as const;
    };
    let drag: { x: number; y: number; moved: boolean } | undefined;
    const down = (ev: MouseEvent) => (drag = { x: ev.clientX, y: ev.clientY, moved: false });
    const move = (ev: MouseEvent) => {
      if (!drag) return;
      const [dx, dy] = [ev.clientX - drag.x, ev.clientY - drag.y];
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.x += dx;
      view.y += dy;
      drag.x = ev.clientX;
      drag.y = ev.clientY;
      frame = Math.max(frame, LAYOUT_FRAMES - 1);
      draw();
    };
    const up = (ev: MouseEvent) => {
      const clicked = drag && !drag.moved;
      drag = undefined;
      if (!clicked) return;
      const [x, y] = toGraph(ev);
      const node = nodeAt(g, x, y, view.scale);
      if (node) return handlers.current.onNode(node);
      const edge = edgeAt(g, x, y, view.scale);
      if (edge) handlers.current.onEdge(edge[0], edge[1]);
    };
    const wheel = (ev: WheelEvent) => {
      ev.preventDefault();
      const r = el.getBoundingClientRect();
      const [px, py] = [((ev.clientX - r.left) * el.width) / r.width, ((ev.clientY - r.top) * el.height) / r.height];
      const k = ev.deltaY < 0 ? 1.2 : 1 / 1.2;
      view.x = px - (px - view.x) * k;
      view.y = py - (py - view.y) * k;
      view.scale *= k;
      draw();
    };
    el.addEventListener('mousedown', down);
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      cancelAnimationFrame(raf);
      el.removeEventListener('mousedown', down);
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [data]);
  return (
    <canvas
      ref={canvas}
      className="graph-canvas"
      width={1000}
      height={640}
      aria-label={`Graph of ${data.nodes.length} entities and ${data.edges.length} links`}
      role="img"
    />
  );
}
