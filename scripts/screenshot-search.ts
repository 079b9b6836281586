// The search screens as a person sees them: typed filters in the form, the undated notice,
// saved searches, batch search, and the banner when the index cannot be saved.
// Usage: npm run build && node --import tsx scripts/screenshot-search.ts [outDir]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
// A folder where the index file should be: the index cannot be saved, and the banner says so.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-shots-'));
fs.mkdirSync(path.join(dataDir, 'search', 'index.sbidx'), { recursive: true });
const app = await startApp(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
const shot = async (page: import('@playwright/test').Page, name: string) => {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  console.log(path.join(outDir, `${name}.png`));
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}`);
  await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('WeChat entity:mss from:2020')}`);
  await page.locator('.search-notice').waitFor();
  await page.locator('.search-banner-problem').waitFor();
  await shot(page, 'search-1-typed-filters-undated-banner');
  await page.getByRole('button', { name: 'Save this search' }).click();
  await page.locator('.saved-searches li').first().waitFor();
  await page.getByRole('button', { name: /Batch search/ }).click();
  await page.locator('.batch-search textarea').fill('Capvision\nMSS\n"forced labor"\nzzznothing');
  await page.getByRole('button', { name: /Search 4 terms/ }).click();
  await page.locator('.batch-table tbody tr').first().waitFor();
  await shot(page, 'search-2-saved-and-batch');
} finally {
  await browser.close();
  await stopApp(app);
}
