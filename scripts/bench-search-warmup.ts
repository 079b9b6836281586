/**
 * npm run bench:search-warmup -- --kept DIR [--passes N]
 *
 * What the worker's warm-up (SearchHost.warmUp) changes: fresh processes load the index kept by
 * `BENCH_KEEP=1 npm run bench:search` and time every query class as bench:search does (50 queries
 * of warm-up per class, then all of them, in the same order), alternately without and with the
 * warm-up first, so both see the same machine. Prints p50 / p95 per class and pass, and the
 * median p95 of each. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SearchHost } from '../src/main/services/search/host';

const CLASSES = ['one word', 'two words', 'phrase', 'typo', 'filtered'] as const;
type Figures = { warmUp: { queries: number; ms: number } | null; classes: Record<string, { p50: number; p95: number }> };

const { values: args } = parseArgs({
  options: { kept: { type: 'string' }, passes: { type: 'string', default: '3' }, child: { type: 'string' } },
});
if (!args.kept) throw new Error('--kept DIR: a folder kept by `BENCH_KEEP=1 npm run bench:search`');
const dir = path.resolve(args.kept);

if (args.child !== undefined) {
  const queries = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')) as Record<string, { sourcebook: string }[]>;
  const host = new SearchHost({ dbFile: path.join(dir, 'notebook.sqlite'), indexFile: path.join(dir, 'search', 'index.sbidx') });
  await host.start(() => {});
  await host.checked;
  const figures: Figures = { warmUp: args.child === 'warm' ? await host.warmUp() : null, classes: {} };
  for (const c of CLASSES) {
    for (const q of queries[c]!.slice(0, 50)) host.query(q.sourcebook, { limit: 20 });
    const times = queries[c]!.map((q) => {
      const t = performance.now();
      host.query(q.sourcebook, { limit: 20 });
      return performance.now() - t;
    });
    times.sort((a, b) => a - b);
    figures.classes[c] = { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]! };
  }
  host.close();
  process.stdout.write(JSON.stringify(figures));
} else {
  const passes = Number(args.passes);
  const runs: Record<'cold' | 'warm', Figures[]> = { cold: [], warm: [] };
  const f = (n: number) => n.toFixed(3);
  for (let pass = 0; pass < passes; pass++) {
    for (const mode of ['cold', 'warm'] as const) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--kept', dir, '--child', mode], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const figures = JSON.parse(out) as Figures;
      runs[mode].push(figures);
      const warm = figures.warmUp ? ` (warm-up ${figures.warmUp.queries} queries, ${figures.warmUp.ms.toFixed(0)} ms)` : '';
      console.log(
        `pass ${pass + 1} ${mode === 'cold' ? 'no warm-up' : 'warm-up'}${warm}: ${CLASSES.map((c) => `${c} ${f(figures.classes[c]!.p50)} / ${f(figures.classes[c]!.p95)}`).join(', ')}`,
      );
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const mode of ['cold', 'warm'] as const)
    console.log(
      `median p95 ms, ${mode === 'cold' ? 'no warm-up' : 'warm-up'}: ${CLASSES.map((c) => `${c} ${f(median(runs[mode].map((r) => r.classes[c]!.p95)))}`).join(', ')}`,
    );
}
