import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { SourceSummary } from '../../src/shared/domain';
import type { SearchResponse } from '../../src/shared/search';
import { HOSTILE_HTML, makeDocx, makePdf } from '../unit/import/fixtures';
import { test, expect } from './fixtures';
import { ImportPanel } from './pages/ImportPanel';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';

const GOOD = {
  'field-report.txt':
    // A bare "Ministry of State Security" links only where the text says whose it is (docs/entities.md).
    'Field report on zebrafinch activity\n\nThe Ministry of State Security of China opened an office in Beijing, the zebrafinch memo says.\n',
  'notes.md': '# Markdown notes\n\nA **short** note about the [Ministry of State Security](https://example.org).\n',
  'article.html': HOSTILE_HTML,
} as const;

function makeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-import-e2e-'));
  for (const [name, text] of Object.entries(GOOD)) fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(
    path.join(dir, 'annual.pdf'),
    makePdf([['Annual report', '', 'The Ministry of State Security budget grew.'], ['Second page.']], { title: 'Annual report' }),
  );
  fs.writeFileSync(
    path.join(dir, 'memo.docx'),
    makeDocx([{ text: 'Memo to file', style: 'Title' }, { text: 'Officials of the Ministry of State Security met.' }]),
  );
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
  fs.writeFileSync(path.join(dir, 'broken.docx'), 'this is not a zip archive');
  fs.writeFileSync(path.join(dir, 'scan.pdf'), makePdf([[]], { textLayer: false }));
  return dir;
}

const listSources = (page: Page) => page.evaluate(() => window.api.sources.list({})) as Promise<SourceSummary[]>;

test.describe('an analyst imports their own sources', () => {
  test('imports a folder: good files appear readable and searchable, bad ones are listed with reasons, nothing else changes', async ({
    notebookPage: page,
  }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const before = await listSources(page);
    expect(before).toHaveLength(5);

    const panel = new ImportPanel(page);
    await panel.folderInput.setInputFiles(makeFolder());
    await expect(panel.summary).toBeVisible({ timeout: 60_000 });
    await expect(panel.summary.locator('h2')).toHaveText('5 imported, 4 not imported');
    await expect(panel.failure('empty.txt')).toContainText('the file is empty');
    await expect(panel.failure('binary.txt')).toContainText('contains NUL bytes: this looks like binary data, not text');
    await expect(panel.failure('broken.docx')).toContainText('DOCX is not a valid archive (not a zip file)');
    await expect(panel.failure('scan.pdf')).toContainText('no text layer (scanned?)');

    await expect(library.rows).toHaveCount(10);
    await expect(page.locator('.source-table')).toContainText('Field report on zebrafinch activity');
    await expect(page.locator('.source-table')).toContainText('Ministry reforms announced');

    // Nothing else changed: the seed sources are exactly as they were.
    const after = await listSources(page);
    for (const seed of before) expect(after.find((s) => s.id === seed.id)).toEqual(seed);

    // Readable, with entities highlighted.
    await panel.summary.getByRole('button', { name: 'Close' }).click();
    await library.openSource('Field report on zebrafinch activity');
    const reader = new ReaderPage(page);
    await expect(reader.passage(2)).toContainText('opened an office in Beijing');
    await expect(reader.mentions('mss').first()).toHaveText('Ministry of State Security');
    await expect(reader.mentions('mss').first()).toHaveClass(/ent-organization/);

    // The web page kept its article, not its markup or its scripts.
    await page.goBack();
    await library.openSource('Ministry reforms announced');
    await expect(page.locator('.passages')).toContainText('were cosmetic');
    await expect(page.locator('.passages')).not.toContainText('<');
    await expect(page.locator('.passages')).not.toContainText('Buy cheap watches');

    // Searchable: the running notebook's index has the new words.
    await expect
      .poll(
        async () => {
          const response = (await page.evaluate(() => window.api.search.query({ q: 'zebrafinch' }))) as SearchResponse;
          return response.groups.flatMap((g) => g.hits.map((h) => h.kind)).length;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
  });

  test('drops files on the library, edits an imported source’s details, and re-importing the same file is recognised', async ({
    notebookPage: page,
  }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const panel = new ImportPanel(page);
    const text = Buffer.from(GOOD['field-report.txt']).toString('base64');
    await panel.drop([
      { name: 'field-report.txt', base64: text },
      { name: 'evil\u202Egpj.txt', base64: Buffer.from('Bidi name trick\n\nbody').toString('base64') },
      { name: 'photo.txt', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64') },
    ]);
    await expect(panel.summary.locator('h2')).toHaveText('2 imported, 1 not imported', { timeout: 60_000 });
    await expect(panel.failure('photo.txt')).toContainText('is an image, not a document');
    await expect(panel.imported.nth(1)).toContainText('evilgpj.txt');

    await panel.drop([{ name: 'copy.txt', base64: text }]);
    await expect(panel.summary.locator('h2')).toHaveText('0 imported, 1 not imported', { timeout: 60_000 });
    await expect(panel.failure('copy.txt')).toContainText('already in the notebook');

    await library.openSource('Field report on zebrafinch activity');
    await page.getByRole('link', { name: 'Edit details' }).click();
    // Names typed whole are parsed into their parts, which stay editable; an organisation is written whole.
    for (const name of ['Kim Analyst', 'J. Doe']) {
      await page.getByLabel('Name to add').fill(name);
      await page.getByRole('button', { name: 'Add author' }).click();
    }
    await expect(page.getByRole('listitem', { name: 'Author 2' }).getByLabel('Family name', { exact: true })).toHaveValue('Doe');
    await page.getByLabel('Published', { exact: true }).fill('2024-06-01');
    await page.getByLabel('Publisher', { exact: true }).fill('Field Office');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.reader-header')).toContainText('Kim Analyst; J. Doe');
    await expect(page.locator('.reader-header')).toContainText('2024-06-01');
    await expect(page.locator('.reader-header')).toContainText('Field Office');
  });

  test('accepts a suggested new person, which is then highlighted where it is mentioned', async ({ notebookPage: page }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const panel = new ImportPanel(page);
    const text = 'Meeting notes\n\nAngela Merkel met Olaf Scholz in Hamburg. Angela Merkel then left for the airport.\n';
    await panel.drop([{ name: 'meeting.txt', base64: Buffer.from(text).toString('base64') }]);
    await expect(panel.summary.locator('h2')).toHaveText('1 imported, 0 not imported', { timeout: 60_000 });
    const sourceId = await panel.imported.first().getAttribute('data-source-id');
    await page.goto(page.url().split('#')[0] + `#/edit-source/${sourceId}`);
    // A row is matched by its name element: once accepted, the name is also an option in the other rows' alias lists.
    const row = page.locator('.entity-suggestions li').filter({ has: page.locator('.suggestion-name', { hasText: /^Angela Merkel$/ }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('person');
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(row).toHaveCount(0);
    await page.goto(page.url().split('#')[0] + `#/source/${sourceId}`);
    await expect(new ReaderPage(page).mentions('angela-merkel')).toHaveCount(2);
    await expect(new ReaderPage(page).mentions('angela-merkel').first()).toHaveClass(/ent-person/);
  });
});
