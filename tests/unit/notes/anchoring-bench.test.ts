import { describe, expect, it } from 'vitest';
import { benchCases, benchTable, runBench } from './anchoring-bench/run';

/**
 * The edit benchmark of issue 10 as a test: 300+ cases generated from real texts by kind of edit.
 * It fails on any silent change of meaning. The table in docs/citations.md comes from
 * `npm run bench:anchoring`, which runs the same cases.
 */
describe('the anchoring edit benchmark', () => {
  it('never moves a citation silently to other words, over every kind of edit', { timeout: 300_000 }, () => {
    const cases = benchCases();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const result = runBench(cases);
    const wrong = result.wrong.map(({ c, d }) => `${c.id}: ${d.status} (${d.finding}) ${d.reason}`);
    expect(wrong, benchTable(result)).toEqual([]);
    // Every kind is exercised, and review stays for what needs it: few silent-ok cases go to a person.
    for (const row of result.rows) expect(row.cases, row.kind).toBeGreaterThanOrEqual(4);
    const silentOk = result.rows.filter((r) => r.expect === 'silent').reduce((n, r) => n + r.cases, 0);
    expect(result.total.needless / silentOk).toBeLessThan(0.05);
  });
});
