// How long one ForceAtlas2 slice takes on a large entity graph (what one animation frame of the
// graph view costs). Usage: node --import tsx scripts/bench-graph-layout.ts [nodes] [edges]
import { buildGraph, stepLayout } from '../src/renderer/src/features/entities/graphLayout';
import type { EntityGraph } from '../src/shared/domain';

const nodes = Number(process.argv[2] ?? 5000);
const edges = Number(process.argv[3] ?? 20000);
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
let t = performance.now();
const g = buildGraph(data);
console.log(`build graphology graph: ${(performance.now() - t).toFixed(0)} ms for ${nodes} nodes, ${edges} edges`);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  t = performance.now();
  stepLayout(g);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`ForceAtlas2 slice (one frame): median ${times[15]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over 30 frames`);
