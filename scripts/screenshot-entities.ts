// The entity workbench's screens as PNGs: list as a table, the panel with its editor and history,
// the graph and the timeline. Usage: node --import tsx scripts/screenshot-entities.ts [outDir]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const app = await startApp();
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(outDir, `${name}.png`) });
    console.log(path.join(outDir, `${name}.png`));
  };
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/entities?layout=table&type=organization`);
  await page.locator('.entity-table tbody tr').first().waitFor();
  await shot('entities-table');

  await page.goto(`${app.origin}/#/entities?entity=mss`);
  await page.locator('.entity-panel h2').waitFor();
  await page.getByText('Edit entity').click();
  await page.getByLabel('New alias').fill('Guoanbu');
  await page.getByRole('button', { name: 'Add alias' }).click();
  await page.locator('.entity-history li').first().waitFor();
  await shot('entity-panel-editor');

  await page.goto(`${app.origin}/#/graph`);
  await page.locator('canvas.graph-canvas[data-settled="true"]').waitFor({ timeout: 120_000 });
  await shot('graph');
  await page.getByRole('list', { name: 'Strongest links' }).getByRole('button').first().click();
  await page.locator('.edge-passages .mention-context').first().waitFor();
  await shot('graph-edge-passages');

  await page.goto(`${app.origin}/#/timeline`);
  await page.locator('.timeline-item').first().waitFor();
  await shot('timeline');
} finally {
  await browser.close();
  await stopApp(app);
}
