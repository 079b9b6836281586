import type { EntityGraph } from '../../../../shared/domain';
import { edgeAt, nodeAt, sceneOf, type View } from './graphScene';
import { layoutIterations, type GraphFrame, type GraphStart, type GraphViewChange } from './graphProtocol';

export interface GraphEngineOptions {
  onNode: (id: string) => void;
  onEdge: (a: string, b: string) => void;
  /** Told how long each piece of page-thread work took (for the benchmark). */
  measure?: (ms: number) => void;
}

/** The graph worker, bundled by Vite as a same-origin module script (the CSP's script-src 'self'). */
const startGraphWorker = () => new Worker(new URL('./graphWorker.ts', import.meta.url), { type: 'module', name: 'entity-graph' });

/**
 * The graph view's canvas without React. The page creates a canvas, hands it to a worker that
 * lays the graph out and draws it (graphWorker.ts), and keeps only what clicks need: the node ids,
 * and the positions and view the worker sends after each drawing. Pans and zooms are sent to the
 * worker. Returns the function that stops it and removes the canvas.
 */
export function startGraphEngine(host: HTMLElement, data: EntityGraph, options: GraphEngineOptions): () => void {
  // A canvas handed to a worker cannot be taken back: each graph gets a canvas of its own.
  const el = document.createElement('canvas');
  Object.assign(el, { className: 'graph-canvas', width: 1000, height: 640 });
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', `Graph of ${data.nodes.length} entities and ${data.edges.length} links`);
  el.dataset.settled = 'false';
  host.replaceChildren(el);

  const scene = sceneOf(data);
  const styles = getComputedStyle(document.documentElement);
  const palette: GraphStart['palette'] = {
    edge: 'rgba(120, 130, 145, 0.4)',
    label: styles.getPropertyValue('--ink').trim() || '#1d232b',
    nodes: Object.fromEntries(scene.types.map((t) => [t, styles.getPropertyValue(`--${t}`).trim() || '#555'])),
  };
  let view: View = { scale: 1, x: 0, y: 0 };
  let viewIsOurs = false; // once the reader pans or zooms, frames drawn before that carry a stale view
  const timed = (work: () => void) => {
    const t = performance.now();
    work();
    options.measure?.(performance.now() - t);
  };

  // Where the busiest entity is drawn, in CSS pixels of the canvas: a fixed point to point at.
  const markHub = () => {
    if (!scene.ids.length) return;
    const r = el.getBoundingClientRect();
    el.dataset.hubId = scene.ids[0];
    el.dataset.hubX = String(((scene.positions[0]! * view.scale + view.x) * r.width) / el.width);
    el.dataset.hubY = String(((scene.positions[1]! * view.scale + view.y) * r.height) / el.height);
  };
  const worker = startGraphWorker();
  worker.onmessage = (event: MessageEvent<GraphFrame>) =>
    timed(() => {
      scene.positions = event.data.positions;
      if (!viewIsOurs) view = event.data.view;
      if (event.data.settled) {
        markHub();
        el.dataset.settled = 'true';
      }
    });
  const offscreen = el.transferControlToOffscreen();
  const start: GraphStart = {
    canvas: offscreen,
    positions: scene.positions.slice(),
    sizes: scene.sizes,
    labels: scene.labels,
    types: scene.types,
    edges: scene.edges,
    weights: scene.weights,
    iterations: scene.ids.length > 1 ? layoutIterations(scene.ids.length) : 0, // nothing to lay out: drawn and settled at once
    palette,
  };
  worker.postMessage(start, [offscreen, start.positions.buffer]);
  const show = (next: View) => {
    view = next;
    viewIsOurs = true;
    const message: GraphViewChange = { view };
    worker.postMessage(message);
  };

  const toCanvas = (ev: MouseEvent) => {
    const r = el.getBoundingClientRect();
    return [((ev.clientX - r.left) * el.width) / r.width, ((ev.clientY - r.top) * el.height) / r.height] as const;
  };
  let drag: { x: number; y: number; moved: boolean } | undefined;
  const down = (ev: MouseEvent) => (drag = { x: ev.clientX, y: ev.clientY, moved: false });
  const move = (ev: MouseEvent) => {
    if (!drag) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
    if (!drag.moved) return;
    const r = el.getBoundingClientRect();
    const [dx, dy] = [((ev.clientX - drag.x) * el.width) / r.width, ((ev.clientY - drag.y) * el.height) / r.height];
    [drag.x, drag.y] = [ev.clientX, ev.clientY];
    show({ ...view, x: view.x + dx, y: view.y + dy });
  };
  const up = (ev: MouseEvent) => {
    const clicked = drag && !drag.moved;
    drag = undefined;
    if (!clicked) return;
    const [px, py] = toCanvas(ev);
    const [x, y] = [(px - view.x) / view.scale, (py - view.y) / view.scale];
    const node = nodeAt(scene, x, y, view.scale);
    if (node !== undefined) return options.onNode(scene.ids[node]!);
    const edge = edgeAt(scene, x, y, view.scale);
    if (edge) options.onEdge(edge[0], edge[1]);
  };
  const wheel = (ev: WheelEvent) => {
    ev.preventDefault();
    const [px, py] = toCanvas(ev);
    const k = ev.deltaY < 0 ? 1.2 : 1 / 1.2;
    show({ scale: view.scale * k, x: px - (px - view.x) * k, y: py - (py - view.y) * k });
  };
  el.addEventListener('mousedown', down);
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
  el.addEventListener('wheel', wheel, { passive: false });
  return () => {
    worker.terminate();
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    el.remove();
  };
}
