// The graph benchmark's page: a synthetic co-occurrence graph, drawn by the graph view's own engine
// (after) or by the old page-thread loop (before), with the page-thread work and the gaps between
// animation frames recorded. Driven by scripts/bench-graph.ts.
import type { EntityGraph } from '../../src/shared/domain';
import { startGraphEngine } from '../../src/renderer/src/features/entities/graphEngine';
import { startBaseline } from './before';

const params = new URLSearchParams(location.search);
const nodes = Number(params.get('nodes') ?? 5000);
const edges = Number(params.get('edges') ?? 20000);
const seconds = Number(params.get('seconds') ?? 20);
let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const data: EntityGraph = {
  nodes: Array.from({ length: nodes }, (_, i) => ({
    id: `e${i}`,
    name: `Entity ${i}`,
    type: 'person',
    mentionCount: 1 + Math.floor(rand() * 50),
  })),
  edges: [],
};
const seen = new Set<string>();
while (data.edges.length < edges) {
  const a = Math.floor(rand() * nodes);
  const b = Math.floor(Math.pow(rand(), 3) * nodes); // a few hubs, as in real co-occurrence
  const key = a < b ? `${a}-${b}` : `${b}-${a}`;
  if (a === b || seen.has(key)) continue;
  seen.add(key);
  data.edges.push({ source: `e${Math.min(a, b)}`, target: `e${Math.max(a, b)}`, weight: 1 + Math.floor(rand() * 5) });
}

const host = document.querySelector('div')!;
const canvas = document.createElement('canvas');
Object.assign(canvas, { width: 1000, height: 640 });
const work: number[] = []; // page-thread ms per frame
const gaps: number[] = []; // ms between animation frames
let pending = 0;
const measure = (ms: number) => (pending += ms);
const started = performance.now();
// How late a 10 ms timer fires: how long a click or a key would wait for the page's thread.
const lateness: number[] = [];
let expected = performance.now() + 10;
const timer = setInterval(() => {
  lateness.push(Math.max(0, performance.now() - expected));
  expected = performance.now() + 10;
}, 10);
const running =
  params.get('mode') === 'before'
    ? (host.replaceChildren(canvas), startBaseline(canvas, data, measure))
    : (() => {
        const t = performance.now();
        startGraphEngine(host, data, { onNode: () => {}, onEdge: () => {}, measure });
        measure(performance.now() - t); // the start (arrays built, canvas handed over) counts too
        return () => host.querySelector('canvas')?.dataset.settled !== 'true';
      })();
let last = performance.now();
const probe = (now: number) => {
  gaps.push(now - last);
  last = now;
  work.push(pending);
  pending = 0;
  if (running() && now - started < seconds * 1000) requestAnimationFrame(probe);
  else {
    clearInterval(timer);
    (window as unknown as { result: unknown }).result = { work, gaps, lateness, elapsed: now - started, settled: !running() };
  }
};
requestAnimationFrame(probe);
