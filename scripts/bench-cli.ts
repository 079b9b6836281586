// How fast the command line answers: each command run N times as a user runs it (a new process
// through bin/sourcebook.cjs, which runs the bundle out/main/cli.cjs) on a seeded notebook.
// Prints median and p95 of wall time and of CPU time (user + system of the process, from the
// kernel's accounting of finished children), next to Node's own start-up and the CLI run from
// TypeScript source through tsx (how it ran before it was bundled), measured in the same run.
// Usage: npm run bench:cli [-- --runs 20 --json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/sourcebook.cjs');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));

if (!fs.existsSync(path.join(ROOT, 'out/main/cli.cjs'))) {
  console.error('bench:cli: the CLI is not built: run `npm run build` first.');
  process.exit(1);
}

/** CPU seconds of this process's finished children (Linux: utime + stime in /proc/self/stat, in clock ticks). */
function childCpuMs(): number | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the state (field 3).
    const ticks = Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-bench-cli-'));
const cli = (...args: string[]) => [BIN, '--data-dir', dataDir, ...args];
// `sourcebook` runs as a user's shell runs it: the file itself, through its #! line.
const NODE = process.execPath;
const cases: { name: string; argv: string[] }[] = [
  { name: 'node -e 0 (Node start-up alone)', argv: [NODE, '-e', '0'] },
  {
    name: 'node -e 0 without NODE_EXTRA_CA_CERTS',
    argv: ['env', '-u', 'NODE_EXTRA_CA_CERTS', NODE, '-e', '0'],
  },
  { name: 'sourcebook help', argv: [BIN, 'help'] },
  { name: 'sourcebook sources --json', argv: cli('sources', '--json') },
  { name: 'sourcebook entities --json', argv: cli('entities', '--json') },
  { name: 'sourcebook source seed-002 --passages --json', argv: cli('source', 'seed-002', '--passages', '--json') },
  { name: 'sourcebook notes --json', argv: cli('notes', '--json') },
  { name: 'sourcebook search ministry --json (starts the search worker)', argv: cli('search', 'ministry', '--json') },
  {
    name: 'sources --json from TypeScript source (tsx, before bundling)',
    argv: [NODE, '--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--data-dir', dataDir, 'sources', '--json'],
  },
];

function runOnce(argv: string[]): { wallMs: number; cpuMs: number | null } {
  const cpuBefore = childCpuMs();
  const started = performance.now();
  const [file, ...args] = argv;
  // The PATH's first `node` must be this one: the #! line finds node through `env`.
  const env = { ...process.env, PATH: `${path.dirname(NODE)}${path.delimiter}${process.env.PATH ?? ''}` };
  const result = spawnSync(file!, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - started;
  const cpuAfter = childCpuMs();
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

// The first run seeds the notebook and writes the search index; every command then reads it.
runOnce(cli('search', 'ministry'));
for (const { argv } of cases) runOnce(argv); // warm the file cache (and the CLI's code cache)
// Round-robin: each round runs every command once, so a burst of load on this shared machine
// falls on all of them alike and the figures stay comparable within one run.
const loadBefore = os.loadavg().map((l) => l.toFixed(2));
const samplesOf = cases.map(() => [] as { wallMs: number; cpuMs: number | null }[]);
for (let round = 0; round < runs; round++) cases.forEach(({ argv }, i) => samplesOf[i]!.push(runOnce(argv)));
const rows = cases.map(({ name }, i) => {
  const samples = samplesOf[i]!;
  const wall = samples.map((s) => s.wallMs);
  const cpu = samples.every((s) => s.cpuMs !== null) ? samples.map((s) => s.cpuMs!) : null;
  return {
    command: name,
    wallMedianMs: Math.round(quantile(wall, 0.5)),
    wallP95Ms: Math.round(quantile(wall, 0.95)),
    cpuMedianMs: cpu ? Math.round(quantile(cpu, 0.5)) : null,
    cpuP95Ms: cpu ? Math.round(quantile(cpu, 0.95)) : null,
  };
});
fs.rmSync(dataDir, { recursive: true, force: true });

const load = os.loadavg().map((l) => l.toFixed(2));
if (values.json) console.log(JSON.stringify({ runs, loadAverageBefore: loadBefore, loadAverage: load, rows }));
else {
  console.log(
    `${runs} runs per command, interleaved; load average ${loadBefore.join(' / ')} before, ${load.join(' / ')} after (1 / 5 / 15 min), ${os.cpus().length} cores`,
  );
  console.log(`NODE_EXTRA_CA_CERTS is ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'not set'} in this environment`);
  console.log('| command | wall median ms | wall p95 ms | CPU median ms | CPU p95 ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.command} | ${r.wallMedianMs} | ${r.wallP95Ms} | ${r.cpuMedianMs ?? '-'} | ${r.cpuP95Ms ?? '-'} |`);
}
