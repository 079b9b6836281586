// The entity workbench's screens as PNGs: list as a table, the panel with its editor and history,
// possible mentions to confirm, a new entity from a reader selection and from "@" in a note, the
// graph and the timeline; light and dark, at 900×700 and 1920×1080.
// Usage: node --import tsx scripts/screenshot-entities.ts [outDir]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stopApp } from '../tests/e2e/fixtures';
import { NotePage } from '../tests/e2e/pages/NotePage';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const VARIANTS = [
  { name: 'light-1920x1080', width: 1920, height: 1080, theme: 'light' },
  { name: 'dark-1920x1080', width: 1920, height: 1080, theme: 'dark' },
  { name: 'light-900x700', width: 900, height: 700, theme: 'light' },
  { name: 'dark-900x700', width: 900, height: 700, theme: 'dark' },
] as const;
const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const REPORT = `Party congress report

The Communist Party held its congress in the capital; the envoy Harriet Quillfeather attended.

Later the Communist Party issued a statement on the budget.
`;
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});

async function tour(variant: (typeof VARIANTS)[number]) {
  const app = await startApp();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-shots-')), 'congress.txt');
  fs.writeFileSync(file, REPORT);
  const sourceId = (JSON.parse((await app.cli(['import', file, '--json'])).stdout) as { imported: { sourceId: string }[] }).imported[0]!
    .sourceId;
  const page = await browser.newPage({ viewport: { width: variant.width, height: variant.height } });
  const shot = async (name: string) => {
    await page.evaluate(() => document.fonts.ready);
    const to = path.join(outDir, `${variant.name}-${name}.png`);
    await page.screenshot({ path: to });
    console.log(to);
  };
  try {
    // tsx names functions with __name, which a function sent to the page would otherwise miss.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(app.url);
    await page.evaluate((theme) => window.api.settings.update({ theme }), variant.theme);
    await page.reload();
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

    await page.goto(`${app.origin}/#/entities?entity=ccp`);
    await page.locator('.possible-mentions li').first().waitFor();
    await page.locator('.possible-mentions').scrollIntoViewIfNeeded();
    await shot('possible-mentions');

    await page.goto(`${app.origin}/#/source/${sourceId}`);
    const passage = page.locator('.passage', { hasText: 'Harriet Quillfeather' });
    await passage.waitFor();
    await new NotePage(page).selectInPassage(Number(await passage.getAttribute('data-ordinal')), 'Harriet Quillfeather');
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'New entity from selection' }).waitFor();
    await shot('entity-from-selection');
    await page.keyboard.press('Escape');

    await page.goto(`${app.origin}/#/graph`);
    await page.locator('canvas.graph-canvas[data-settled="true"]').waitFor({ timeout: 120_000 });
    await shot('graph');
    await page.getByRole('list', { name: 'Strongest links' }).getByRole('button').first().click();
    await page.locator('.edge-passages .mention-context').first().waitFor();
    await shot('graph-edge-passages');

    await page.goto(`${app.origin}/#/timeline`);
    await page.locator('.timeline-item').first().waitFor();
    await shot('timeline');

    // Last: a narrow window keeps the note drawer open over the views.
    const notes = new NotePage(page);
    if (variant.width < 1024) await page.getByRole('button', { name: 'Note', exact: true }).click();
    await notes.newNote();
    await notes.type('Met ');
    await page.keyboard.type('@Ministry of Quiet');
    await page.locator('.typeahead-menu li').last().waitFor();
    await shot('mention-create-entity');
    await page.keyboard.press('Escape');
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
