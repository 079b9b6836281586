// A tour of every screen as a person would use it, saved as PNGs to look at before a release.
// Usage: node --import tsx scripts/screenshot-tour.ts [outDir]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { NotePage } from '../tests/e2e/pages/NotePage';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const app = await startApp();
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
const shot = async (page: import('@playwright/test').Page, name: string) => {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(path.join(outDir, `${name}.png`));
};
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with an `__name` helper that page.evaluate callbacks carry into the page.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(app.url);
  await page.locator('.source-table tbody tr').first().waitFor();
  await shot(page, '1-library');

  await page.goto(`${app.origin}/#/source/seed-000?entity=chen-wenqing`);
  await page.locator('.entity-panel h2').waitFor();
  await shot(page, '2-reader-entity-panel');

  const notes = new NotePage(page);
  await page.goto(`${app.origin}/#/source/seed-000`);
  await page.locator('.passage[data-ordinal="5"]').waitFor();
  await notes.selectInPassage(5, 'appointed by President Xi in 2016');
  await page.keyboard.press('Control+Shift+C');
  await notes.chips.first().waitFor();
  await notes.type(' The MSS director was chosen by Xi himself. ');
  await notes.selectInPassage(7, 'charged Alexander Ma, a former CIA officer');
  await page.keyboard.press('Control+Shift+C');
  await notes.waitSaved();
  await shot(page, '3-split-view-cited-note');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Capvison raids');
  await page.waitForTimeout(800);
  await shot(page, '4-search-palette');
  await page.keyboard.press('Escape');

  await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('MSS WeChat')}`);
  await page.waitForTimeout(800);
  await shot(page, '5-search-view');

  await page.goto(`${app.origin}/#/notes`);
  await shot(page, '6-notes');

  await page.goto(`${app.origin}/#/export`);
  await page.waitForTimeout(1500);
  await shot(page, '7-export');

  await page.goto(`${app.origin}/#/entities`);
  await shot(page, '8-entities');
} finally {
  await browser.close();
  await stopApp(app);
}
