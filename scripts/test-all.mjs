// Runs every check the project has, in order, and keeps going after a failure so one run
// reports everything. Ends with one line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);

const stages = [
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.', '--log-level=warn'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  // Before the tests: unit and end-to-end tests spawn the bundled CLI (bin/sourcebook.cjs runs out/main/cli.cjs).
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'unit',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'unit.json')}`],
    count: () => {
      const r = JSON.parse(fs.readFileSync(path.join(results, 'unit.json'), 'utf8'));
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0),
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  },
  {
    name: 'e2e',
    cmd: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'e2e.json') },
    count: () => {
      const { stats } = JSON.parse(fs.readFileSync(path.join(results, 'e2e.json'), 'utf8'));
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    },
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(stage.cmd[0], stage.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...stage.env } });
  const ok = run.status === 0;
  let counted = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  if (stage.count) {
    try {
      counted = stage.count();
      // A runner that crashed before reporting, or reported success while exiting non-zero, still fails.
      if (!ok && counted.failed === 0) counted.failed = 1;
    } catch {
      counted = { passed: 0, failed: 1, skipped: 0 };
    }
  }
  passed += counted.passed;
  failed += counted.failed;
  skipped += counted.skipped;
  summary.push(
    `${stage.name.padEnd(10)} ${ok ? 'ok    ' : 'FAILED'} ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
console.log('\n' + summary.join('\n'));
if (skipped) console.log(`${skipped} skipped (each names its reason above)`);
// The last line is what CI reads: exactly "N passed, N failed".
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
