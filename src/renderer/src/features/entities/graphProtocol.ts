import type { View } from './graphScene';

/** The page's first message to the graph worker (graphWorker.ts): the canvas and the graph. */
export interface GraphStart {
  canvas: OffscreenCanvas;
  /** x, y per node (transferred: the page keeps its own copy). */
  positions: Float32Array;
  sizes: Float32Array;
  labels: string[];
  types: string[];
  edges: Uint32Array;
  weights: Float32Array;
  iterations: number;
  palette: { edge: string; label: string; nodes: Record<string, string> };
}

/** Later messages: the reader panned or zoomed (the view stops following the layout). */
export interface GraphViewChange {
  view: View;
}

/** The worker's answer after each drawing: where everything is, for hit tests on the page. */
export interface GraphFrame {
  positions: Float32Array;
  view: View;
  /** True once the layout has run all its iterations. */
  settled: boolean;
}

/**
 * How long ForceAtlas2 runs: large graphs use the Barnes-Hut approximation and fewer iterations
 * (as the page's own loop did before the layout moved to a worker), small ones settle fully.
 */
export const layoutIterations = (nodes: number) => (nodes > 500 ? 300 : 1500);
