// Takes screenshots of the notebook as a person sees it, in the system Chromium.
// Usage: node --import tsx scripts/screenshot.ts [outDir] [hash...]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
const hashes = process.argv.slice(3).length ? process.argv.slice(3) : ['#/library', '#/source/seed-000?entity=mss', '#/entities'];
fs.mkdirSync(outDir, { recursive: true });

const app = await startApp();
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const started = Date.now();
  await page.goto(app.url);
  await page.locator('.source-table tbody tr').first().waitFor();
  console.log(`first paint with data: ${Date.now() - started} ms`);
  for (const [i, hash] of hashes.entries()) {
    await page.goto(app.origin + '/' + hash);
    await page.waitForTimeout(400);
    const file = path.join(outDir, `${String(i).padStart(2, '0')}-${hash.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
} finally {
  await browser.close();
  await stopApp(app);
}
