// The anchoring edit benchmark (issue 10): prints the table docs/citations.md records.
//   npm run bench:anchoring [-- --wrong]   (--wrong also lists every silently wrong case)
import { benchCases, benchTable, runBench } from '../tests/unit/notes/anchoring-bench/run';

const started = performance.now();
const cases = benchCases();
const result = runBench(cases);
process.stdout.write(`${benchTable(result)}\n\n${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
if (process.argv.includes('--wrong')) {
  for (const { c, d } of result.wrong) process.stdout.write(`WRONG ${c.id}: ${d.status} ${d.finding} ${d.reason}\n`);
}
process.exitCode = result.total.wrong === 0 ? 0 : 1;
