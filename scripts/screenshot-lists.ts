// The lists of issue 12 as PNGs: the library sorted, filtered and tagged, the delete dialog for a
// cited source, the notes list, the reader's header with tags, a deleted source's reader and the deleted sources with the
// question "Delete for good" asks; light and dark, 900×700 and
// 1920×1080. Usage: node --import tsx scripts/screenshot-lists.ts [outDir]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const VARIANTS = [
  { name: '1920x1080', width: 1920, height: 1080, theme: 'light' },
  { name: '900x700', width: 900, height: 700, theme: 'light' },
  { name: 'dark-1920x1080', width: 1920, height: 1080, theme: 'dark' },
  { name: 'dark-900x700', width: 900, height: 700, theme: 'dark' },
] as const;

const outDir = path.resolve(process.argv[2] ?? 'screenshots/lists');
fs.mkdirSync(outDir, { recursive: true });
const app = await startApp();
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});
try {
  // One page throughout: the launch link works once.
  const page = await browser.newPage();
  await page.goto(app.url);
  await page.evaluate(async () => {
    await window.api.sources.tag({ sourceId: 'seed-000', tags: ['China', 'security services'] });
    await window.api.sources.tag({ sourceId: 'seed-001', tags: ['China'] });
    await window.api.sources.tag({ sourceId: 'seed-002', tags: ['to read'] });
    const { note } = await window.api.notes.cite({
      sourceId: 'seed-001',
      quote: 'Ministry of State Security',
      occurrence: 1,
      newNoteTitle: 'Who runs the MSS',
    });
    await window.api.notes.cite({ sourceId: 'seed-000', quote: 'Ministry of State Security', occurrence: 1, noteId: note.id });
    await window.api.notes.create({ title: 'Open questions' });
  });

  for (const v of VARIANTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    const shot = async (name: string) => {
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(outDir, `${v.name}-${name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    };
    await page.goto(`${app.origin}/#/library`);
    await page.evaluate((theme) => window.api.settings.update({ theme, lists: {} }), v.theme);
    await page.reload();
    await page.locator('.source-table tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Date', exact: true }).click();
    await page.locator('th[aria-sort="descending"]').waitFor();
    await shot('library-by-date');
    await page.getByLabel('Tag', { exact: true }).selectOption('China');
    await page.locator('.source-table tbody tr').nth(1).waitFor();
    await shot('library-tag-china');
    await page.locator('tr[data-source-id="seed-000"] .delete-source').click();
    await page.locator('.confirm-dialog[open]').waitFor();
    await shot('library-delete-cited');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${app.origin}/#/notes`);
    await page.locator('.note-table tbody tr').first().waitFor();
    await shot('notes');

    await page.goto(`${app.origin}/#/source/seed-000`);
    await page.locator('.reader-header .source-tags').waitFor();
    await shot('reader-header');

    // A deleted source's reader: its kept text under the banner, read-only; restored after the shot.
    await page.evaluate(() => window.api.sources.delete({ id: 'seed-002' }));
    await page.goto(`${app.origin}/#/source/seed-002`);
    await page.locator('.deleted-banner').waitFor();
    await page.locator('.passage').first().waitFor();
    await shot('reader-deleted');
    // The deleted sources, each with Restore and Delete for good…, and the question the latter asks.
    // The library's tag filter (China) stays chosen: the deleted sources must not hide behind it.
    await page.goto(`${app.origin}/#/library`);
    await page.getByRole('button', { name: 'Show deleted' }).click();
    await page.locator('tr[data-source-id="seed-002"] .purge-source').waitFor();
    await shot('library-deleted');
    await page.locator('tr[data-source-id="seed-002"] .purge-source').click();
    await page.locator('.confirm-dialog[open]').waitFor();
    await shot('library-purge-dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.evaluate(() => window.api.sources.restore({ id: 'seed-002' }));
  }
} finally {
  await browser.close();
  await stopApp(app);
}
