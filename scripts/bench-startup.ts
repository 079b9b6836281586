// Start-up figures for the foundation: seeding a new notebook, reopening it, serving the
// loopback shell, and the first paint of the library in Chromium.
// Usage: npm run bench:startup [-- --json]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openNotebook } from '../src/main/services/notebook';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const resourcesDir = path.resolve(import.meta.dirname, '../resources');
const runs = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const seedMs: number[] = [];
const reopenMs: number[] = [];
let counts = { sources: 0, passages: 0, entities: 0, mentions: 0 };
for (let i = 0; i < runs; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-bench-'));
  let t = performance.now();
  const notebook = openNotebook({ dataDir, resourcesDir });
  seedMs.push(performance.now() - t);
  const { seeded: _, ...seed } = notebook.seed;
  counts = seed;
  notebook.close();
  t = performance.now();
  openNotebook({ dataDir, resourcesDir }).close();
  reopenMs.push(performance.now() - t);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const paintMs: number[] = [];
const serveMs: number[] = [];
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const app = await startApp();
  serveMs.push(performance.now() - t);
  const page = await browser.newPage();
  const p = performance.now();
  await page.goto(app.url);
  await page.locator('.source-table tbody tr').first().waitFor();
  paintMs.push(performance.now() - p);
  await page.close();
  await stopApp(app);
}
await browser.close();

const figures = {
  ...counts,
  seedNewNotebookMs: Math.round(median(seedMs)),
  reopenNotebookMs: Math.round(median(reopenMs)),
  cliToServingMs: Math.round(median(serveMs)),
  firstPaintWithDataMs: Math.round(median(paintMs)),
  runs,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else {
  console.log(
    `Seeded corpus: ${counts.sources} sources, ${counts.passages} passages, ${counts.entities} entities, ${counts.mentions} mentions`,
  );
  console.log(`median of ${runs} runs:`);
  console.log(`  seed a new notebook         ${figures.seedNewNotebookMs} ms`);
  console.log(`  reopen a seeded notebook    ${figures.reopenNotebookMs} ms`);
  console.log(`  CLI start → serving URL     ${figures.cliToServingMs} ms`);
  console.log(`  URL → library painted       ${figures.firstPaintWithDataMs} ms`);
}
