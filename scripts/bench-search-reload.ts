/**
 * One reload of a persisted search index in a process of its own, as the app's search worker
 * does it: a fresh heap, not the benchmark's (which holds the whole synthetic corpus, so every
 * allocation there also pays for marking it).
 * node --import tsx scripts/bench-search-reload.ts <db file> <index file>
 * Prints one JSON line: ms until the index answers, ms until its bulk checksums are checked, and
 * the CPU ms of those checks.
 */
import { SearchHost } from '../src/main/services/search/host';

const [dbFile, indexFile] = process.argv.slice(2) as [string, string];
const t = performance.now();
const host = new SearchHost({ dbFile, indexFile });
const status = await host.start(() => {});
const reloadMs = performance.now() - t;
const cpu = process.cpuUsage();
await host.checked;
const used = process.cpuUsage(cpu);
const checkedMs = performance.now() - t;
host.close();
if (status.origin !== 'disk') throw new Error(`expected the reload to come from disk, got ${status.origin}`);
process.stdout.write(JSON.stringify({ reloadMs, checkedMs, checkCpuMs: (used.user + used.system) / 1000 }) + '\n');
