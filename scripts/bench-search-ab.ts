/**
 * npm run bench:search-ab -- --kept DIR --baseline CHECKOUT [--baseline-kept DIR] [--passes N]
 *
 * Two versions of the search engine on the same index and the same queries, in one process:
 * this checkout's and another's (a `git worktree` of the commit to compare, with node_modules
 * linked). First every response is compared (the time taken aside): a speed change must not
 * change an answer. Then each query runs on both, in alternating order, so a shared machine's
 * drift falls on both alike; p50 / p95 / mean per class are printed side by side.
 *
 * DIR is what `BENCH_KEEP=1 npm run bench:search` keeps: notebook.sqlite, search/index.sbidx and
 * queries.json. Both engines load the same index file, so they must share its format; when the
 * format changed, `--baseline-kept` names a copy of DIR whose index the baseline wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { kept: { type: 'string' }, baseline: { type: 'string' }, 'baseline-kept': { type: 'string' }, passes: { type: 'string' } },
});
if (!args.kept || !args.baseline) {
  process.stderr.write('usage: npm run bench:search-ab -- --kept DIR --baseline CHECKOUT [--baseline-kept DIR] [--passes N]\n');
  process.exit(2);
}
const dir = path.resolve(args.kept);
const baselineDir = path.resolve(args['baseline-kept'] ?? args.kept);
const passes = Number(args.passes ?? 2);
const hostModule = (root: string) => path.join(path.resolve(root), 'src/main/services/search/host.ts');

type Host = {
  start(onStatus: () => void): Promise<void>;
  query(input: string, options: { limit: number }): { tookMs: number };
  close(): void;
};
type HostClass = new (options: { dbFile: string; indexFile: string }) => Host;
const load = async (root: string, kept: string): Promise<Host> => {
  const { SearchHost } = (await import(hostModule(root))) as { SearchHost: HostClass };
  const host = new SearchHost({ dbFile: path.join(kept, 'notebook.sqlite'), indexFile: path.join(kept, 'search', 'index.sbidx') });
  await host.start(() => {});
  return host;
};

const queries = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')) as Record<string, { sourcebook: string }[]>;
const hosts = [await load(args.baseline, baselineDir), await load(path.join(import.meta.dirname, '..'), dir)];
const labels = ['baseline', 'this checkout'];

let differing = 0;
let compared = 0;
for (const list of Object.values(queries)) {
  for (const q of list) {
    const [a, b] = hosts.map((h) => JSON.stringify({ ...h.query(q.sourcebook, { limit: 20 }), tookMs: 0 }));
    compared++;
    if (a !== b) {
      if (differing < 5) process.stdout.write(`different answer: ${q.sourcebook}\n`);
      differing++;
    }
  }
}
process.stdout.write(`${compared} queries, ${differing} answered differently\n`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
for (const [kind, list] of Object.entries(queries)) {
  const times: number[][] = [[], []];
  for (let pass = 0; pass < passes; pass++) {
    list.forEach((q, i) => {
      const order = (i + pass) % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const started = performance.now();
        hosts[k]!.query(q.sourcebook, { limit: 20 });
        times[k]!.push(performance.now() - started);
      }
    });
  }
  const summary = times.map((t, k) => {
    const sorted = [...t].sort((x, y) => x - y);
    const mean = t.reduce((sum, x) => sum + x, 0) / t.length;
    return `${labels[k]} p50 ${percentile(sorted, 50).toFixed(3)} p95 ${percentile(sorted, 95).toFixed(3)} mean ${mean.toFixed(3)} ms`;
  });
  process.stdout.write(`${kind.padEnd(10)} ${summary.join(' | ')}\n`);
}
for (const host of hosts) host.close();
if (differing > 0) process.exitCode = 1;
