/**
 * One search index build in a process of its own, so its peak memory (maxRSS) is the build's
 * alone: node --expose-gc --import tsx scripts/bench-search-build.ts <db file> <index file>.
 * Prints one JSON line: seconds (wall and CPU), peak and steady RSS (MB), index file size (MB).
 */
import fs from 'node:fs';
import { SearchHost } from '../src/main/services/search/host';

const [dbFile, indexFile] = process.argv.slice(2) as [string, string];
fs.rmSync(indexFile, { force: true });
const baseline = process.memoryUsage().rss;
const t = performance.now();
const cpu = process.cpuUsage();
const host = new SearchHost({ dbFile, indexFile });
const status = await host.start(() => {});
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
(globalThis as { gc?: () => void }).gc?.();
const steadyRssMB = process.memoryUsage().rss / 1e6;
host.close();
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds,
    state: status.state,
    documents: status.documents,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6,
    baselineRssMB: baseline / 1e6,
    steadyRssMB,
    persistedMB: fs.statSync(indexFile).size / 1e6,
  }) + '\n',
);
