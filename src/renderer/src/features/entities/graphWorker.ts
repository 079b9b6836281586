/// <reference lib="webworker" />
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { assembleScene, drawScene, fitView, type GraphScene, type View } from './graphScene';
import type { GraphFrame, GraphStart, GraphViewChange } from './graphProtocol';

/**
 * The graph view's heavy work, off the page's thread: ForceAtlas2 (graphology-layout-forceatlas2)
 * and the drawing itself, on a canvas the page handed over (OffscreenCanvas), so even the
 * rasterising of 20,000 edges happens here. Between layout slices the worker returns to its event
 * loop, so a pan or zoom from the page is drawn at the next slice. After each drawing it posts the
 * positions and the view back (one transferred Float32Array) for the page's hit tests. The page
 * ends it by terminating the worker; a new graph gets a new worker and a new canvas.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let scene: GraphScene | undefined;
let ctx: OffscreenCanvasRenderingContext2D | undefined;
let graph: Graph<{ x: number; y: number; size: number }, { weight: number }> | undefined;
let palette: GraphStart['palette'] = { edge: '', label: '', nodes: {} };
let view: View | undefined; // set by the page once the reader pans or zooms
let done = 0;
let total = 0;
let drawPending = false;

const draw = () => {
  drawPending = false;
  if (!scene || !ctx) return;
  const shown = view ?? fitView(scene, ctx.canvas.width, ctx.canvas.height) ?? { scale: 1, x: 0, y: 0 };
  drawScene(ctx, scene, shown, { edge: palette.edge, label: palette.label, node: (t) => palette.nodes[t] ?? '#555' });
  const frame: GraphFrame = { positions: scene.positions.slice(), view: shown, settled: done >= total };
  scope.postMessage(frame, [frame.positions.buffer]);
};
const drawSoon = () => {
  if (drawPending) return;
  drawPending = true;
  setTimeout(draw, 0);
};

const step = () => {
  if (!scene || !graph || done >= total) return;
  const large = graph.order > 500;
  const n = Math.min(large ? 1 : 5, total - done);
  forceAtlas2.assign(graph, {
    iterations: n,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: large, adjustSizes: false },
  });
  done += n;
  const p = scene.positions;
  graph.forEachNode((key, a) => {
    const i = Number(key);
    p[2 * i] = a.x;
    p[2 * i + 1] = a.y;
  });
  drawSoon();
  setTimeout(step, 0); // back to the event loop first: a pan or zoom waits one slice at most
};

scope.onmessage = (event: MessageEvent<GraphStart | GraphViewChange>) => {
  if ('view' in event.data) {
    view = event.data.view;
    drawSoon();
    return;
  }
  const start = event.data;
  ctx = start.canvas.getContext('2d')!;
  palette = start.palette;
  const { positions, sizes, edges, weights } = start;
  scene = assembleScene({
    ids: start.labels.map((_, i) => String(i)),
    labels: start.labels,
    types: start.types,
    sizes,
    positions,
    edges,
    weights,
  });
  graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < sizes.length; i++) graph.addNode(i, { x: positions[2 * i]!, y: positions[2 * i + 1]!, size: sizes[i]! });
  for (let e = 0; e < weights.length; e++) graph.addUndirectedEdge(edges[2 * e]!, edges[2 * e + 1]!, { weight: weights[e]! });
  total = start.iterations;
  drawSoon();
  step();
};
