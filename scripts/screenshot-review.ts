// The citation review screens as PNGs, light and dark: a note whose chip says "changed", the
// Review view with the was/now diff, and the reader "as cited".
// Usage: node --import tsx scripts/screenshot-review.ts [outDir]   (default screenshots/review)
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { editSourceFromOutside } from '../tests/e2e/editSource';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const outDir = path.resolve(process.argv[2] ?? 'screenshots/review');
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

for (const theme of ['light', 'dark'] as const) {
  const app = await startApp();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(app.url);
    await page.evaluate((t) => window.api.settings.update({ theme: t }), theme);
    const noteId = await page.evaluate(
      async () =>
        (await window.api.notes.cite({ sourceId: 'seed-000', quote: 'appointed by President Xi in 2016', newNoteTitle: 'Who chose him' }))
          .note.id,
    );
    editSourceFromOutside(app.dataDir, 'seed-000', (t) =>
      t.replace('appointed by President Xi in 2016', 'appointed by President Xi in 2017'),
    );
    await page.goto(`${app.origin}/#/notes/${noteId}`);
    await page.reload();
    await page.locator('.citation-chip[data-status="changed"]').first().waitFor();
    await shot(page, `${theme}-note-chip-changed`);
    await page.goto(`${app.origin}/#/review`);
    await page.locator('.review-item').first().waitFor();
    await shot(page, `${theme}-review`);
    await page.locator('.review-as-cited').first().click();
    await page.locator('.as-cited-banner').waitFor();
    await shot(page, `${theme}-reader-as-cited`);
  } finally {
    await page.close();
    await stopApp(app);
  }
}
await browser.close();
