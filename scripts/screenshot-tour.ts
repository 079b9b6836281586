// A tour of every screen as a person would use it, saved as PNGs to look at before a release:
// at 1280×800, 1920×1080 and 900×700 in the light theme, and at 1280×800 in the dark one.
// Usage: node --import tsx scripts/screenshot-tour.ts [outDir]   (default docs/screens)
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { NotePage } from '../tests/e2e/pages/NotePage';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const VARIANTS = [
  { name: '1280x800', width: 1280, height: 800, theme: 'light' },
  { name: '1920x1080', width: 1920, height: 1080, theme: 'light' },
  { name: '900x700', width: 900, height: 700, theme: 'light' },
  { name: 'dark-1280x800', width: 1280, height: 800, theme: 'dark' },
] as const;

const outRoot = path.resolve(process.argv[2] ?? 'docs/screens');
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});

/** Waits for the page to settle, then saves a palette PNG (a third of the size, nothing lost to the eye). */
async function shot(page: Page, dir: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  const file = path.join(dir, `${name}.png`);
  await sharp(await page.screenshot())
    .png({ palette: true, quality: 85, compressionLevel: 9 })
    .toFile(file);
  console.log(file);
}

async function tour(variant: (typeof VARIANTS)[number]): Promise<void> {
  const dir = path.join(outRoot, variant.name);
  fs.mkdirSync(dir, { recursive: true });
  const app = await startApp();
  const page = await browser.newPage({ viewport: { width: variant.width, height: variant.height } });
  const narrow = variant.width < 1024;
  const notes = new NotePage(page);
  const showNote = async () => {
    if (narrow && (await page.getByRole('button', { name: 'Note', exact: true }).getAttribute('aria-expanded')) === 'false')
      await page.getByRole('button', { name: 'Note', exact: true }).click();
  };
  try {
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(app.url);
    await page.evaluate((theme) => window.api.settings.update({ theme }), variant.theme);
    await page.reload();
    await page.locator('.source-table tbody tr').first().waitFor();
    await shot(page, dir, '01-library-first-run');

    await page.goto(`${app.origin}/#/source/seed-000`);
    await page.locator('.passage[data-ordinal="5"]').waitFor();
    await shot(page, dir, '02-reader');

    await page.goto(`${app.origin}/#/source/seed-000?entity=chen-wenqing`);
    await page.locator('.entity-panel h2').waitFor();
    await shot(page, dir, '03-reader-entity-panel');
    await page.keyboard.press('Escape');

    // A note built from the keyboard: a new note, a passage cited with C, words chosen with Shift+→.
    await page.keyboard.press('Control+n');
    await notes.title.waitFor();
    await page.keyboard.type('Who runs the MSS');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The director was chosen by Xi himself. ');
    if (narrow) await page.keyboard.press('Escape');
    await page.locator('.passage[data-ordinal="5"]').focus();
    await page.keyboard.press('c');
    await notes.chips.first().waitFor();
    await page.locator('.passage[data-ordinal="7"]').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('q');
    await notes.waitSaved();
    await showNote();
    await shot(page, dir, '04-reader-with-note');

    await notes.pane.getByRole('button', { name: 'History' }).click();
    await notes.pane.locator('.revision-open').first().click();
    await notes.pane.locator('.diff-text').waitFor();
    await shot(page, dir, '05-note-history');
    await notes.pane.getByRole('button', { name: 'Write' }).click();
    if (narrow) await page.keyboard.press('Escape');

    await page.locator('#main').focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Chen');
    await page.locator('.find-count').filter({ hasText: /of/ }).waitFor();
    await shot(page, dir, '06-find-in-source');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('Capvison raids');
    await page.locator('.palette .search-hit').first().waitFor();
    await shot(page, dir, '07-search-palette');
    await page.keyboard.press('Escape');

    await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('MSS WeChat')}`);
    await page.locator('.search-hit').first().waitFor();
    await shot(page, dir, '08-search-view');

    await page.goto(`${app.origin}/#/notes`);
    await page.locator('.note-table tbody tr').first().waitFor();
    await shot(page, dir, '09-notes');

    await page.goto(`${app.origin}/#/entities`);
    await page.locator('.entity-group').first().waitFor();
    await shot(page, dir, '10-entities');

    await page.goto(`${app.origin}/#/review`);
    await page.locator('.review-view .status').first().waitFor();
    await shot(page, dir, '11-review');

    await page.goto(`${app.origin}/#/export?notes=${await notes.noteId()}`);
    await page.locator('.export-preview-pane').waitFor();
    await page.locator('.export-preview-pane').getByText('Formatting citations…').waitFor({ state: 'detached', timeout: 90_000 });
    await shot(page, dir, '12-export');

    await page.goto(`${app.origin}/#/settings`);
    await page.locator('.settings-view code').first().waitFor();
    await shot(page, dir, '13-settings');

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot(page, dir, '14-shortcuts');
  } finally {
    await page.close();
    await stopApp(app);
  }
}

try {
  for (const variant of VARIANTS) await tour(variant);
} finally {
  await browser.close();
}
