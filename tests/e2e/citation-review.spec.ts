import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceSummary } from '../../src/shared/domain';
import { expect, ROOT, test } from './fixtures';
import { ExportPage } from './pages/ExportPage';
import { ImportPanel } from './pages/ImportPanel';
import { LibraryPage } from './pages/LibraryPage';
import { NotePage } from './pages/NotePage';

const CITED = 'the ministry said it did not approve the export licences';

/** A saved web page; a second file with the same canonical address is a new version of the same source. */
const page = (statement: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Drone exports</title>
<link rel="canonical" href="https://news.example.org/drone-exports">
</head><body><article>
<h1>Drone exports questioned</h1>
<p>In a statement issued on Monday afternoon, ${statement} for the drones, officials in the capital said, after weeks of questions from reporters.</p>
<p>Opposition members asked for the correspondence to be published in full, and the committee is expected to hear evidence next month from the officials involved.</p>
<p>More paragraphs of body text follow here so that the reader view has enough material to decide this is the article and not the navigation.</p>
</article></body></html>`;

test('a cited source gets a changed version: the chip says "changed", Review shows the diff, the writer accepts, and the export verifies', async ({
  notebookPage,
}) => {
  test.setTimeout(240_000);
  const p = notebookPage;
  const library = new LibraryPage(p);
  const panel = new ImportPanel(p);
  const notes = new NotePage(p);
  await library.rows.first().waitFor();

  await panel.filesInput.setInputFiles({ name: 'drones.html', mimeType: 'text/html', buffer: Buffer.from(page(CITED)) });
  await expect(panel.summary.locator('h2')).toHaveText('1 imported, 0 not imported', { timeout: 60_000 });
  const sources = (await p.evaluate(() => window.api.sources.list({}))) as SourceSummary[];
  const source = sources.find((s) => s.metadata.title === 'Drone exports questioned' || s.metadata.title === 'Drone exports')!;
  expect(source).toBeDefined();

  // Cite the exact words into a new note (the reader's Cite button goes through the same store checks).
  const noteId = await p.evaluate(
    async ({ sourceId, quote }) => (await window.api.notes.cite({ sourceId, quote, newNoteTitle: 'Drone licences' })).note.id,
    { sourceId: source.id, quote: CITED },
  );
  await p.evaluate((hash) => (window.location.hash = hash), `#/notes/${noteId}`);
  await expect(notes.chips.first()).toHaveAttribute('data-status', 'current');

  // The page is saved again later, with one word gone: the same canonical address makes it a new version.
  await p.evaluate(() => (window.location.hash = '#/library'));
  await panel.filesInput.setInputFiles({
    name: 'drones-later.html',
    mimeType: 'text/html',
    buffer: Buffer.from(page(CITED.replace('did not approve', 'did approve'))),
  });
  await expect(panel.summary).toContainText('new version of an existing source', { timeout: 60_000 });
  await expect(panel.summary.locator('.import-review')).toContainText('Citation to review (changed)');

  // The note's chip says what happened, and never took the new words by itself.
  await p.evaluate((hash) => (window.location.hash = hash), `#/notes/${noteId}`);
  const chip = notes.chips.first();
  await expect(chip).toHaveAttribute('data-status', 'changed');
  await expect(chip).toHaveAttribute('title', /^Changed: /);
  await expect(notes.pane.locator('.review-count')).toHaveText('1 citation needs review');

  // Review: the words as cited, the words now, the word-level diff, and the decisions.
  await p.getByRole('link', { name: 'Review', exact: true }).click();
  const item = p.locator('.review-item');
  await expect(item).toHaveCount(1);
  await expect(item.locator('.review-was mark')).toHaveText(`“${CITED}”`);
  await expect(item.locator('.review-now mark')).toHaveText('“the ministry said it did approve the export licences”');
  await expect(item.locator('.quote-diff del')).toHaveText(['not']);
  await expect(item.locator('.quote-diff ins')).toHaveCount(0);
  await p.screenshot({ path: test.info().outputPath('review.png') });

  // The reader "as cited": the version the words were taken from, the quote marked, the changed passage marked.
  await item.getByRole('link', { name: 'Read as cited' }).click();
  await expect(p.locator('.as-cited-banner')).toContainText('As cited: the version added');
  await expect(p.locator('.as-cited-banner')).toContainText('1 passage differs in the current text');
  const target = p.locator('.passage.target');
  await expect(target).toHaveClass(/changed-since/);
  await expect.poll(async () => (await target.locator('mark.hit').allInnerTexts()).join('')).toBe(CITED);
  await expect(p.locator('.cite-button')).toHaveCount(0);
  await p.screenshot({ path: test.info().outputPath('as-cited.png') });
  await p.locator('.as-cited-banner').getByRole('link', { name: 'Read the current text' }).click();
  await expect(p.locator('.as-cited-banner')).toHaveCount(0);
  await expect(p.locator('.passages')).toContainText('did approve the export licences');
  await p.getByRole('link', { name: 'Review', exact: true }).click();
  await item.getByRole('button', { name: 'Accept the new words' }).click();
  await expect(p.locator('.review-view')).toContainText('Nothing to review: every citation quotes its words as they stand.');

  await p.evaluate((hash) => (window.location.hash = hash), `#/notes/${noteId}`);
  await expect(notes.chips.first()).toHaveAttribute('data-status', 'current');
  const detail = await p.evaluate((id) => window.api.notes.get({ id }), noteId);
  expect(detail.citations[0]!.exact).toBe('the ministry said it did approve the export licences');
  expect(detail.citations[0]!.history.map((e) => e.action ?? 'check')).toEqual(['check', 'accept']);

  // The export's check passes and its evidence pack verifies with the verifier it carries.
  const view = new ExportPage(p);
  await view.open([noteId]);
  await expect(view.check).toContainText('1 of 1 quotes verified', { timeout: 60_000 });
  await view.chooseFormat('zip');
  const download = await view.download();
  const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-e2e-review-')), 'pack.zip');
  await download.saveAs(zip);
  const verified = spawnSync(process.execPath, [path.join(ROOT, 'resources/evidence/verify.mjs'), zip], { encoding: 'utf8' });
  expect(verified.stdout).toContain('OK: every file, hash and quote verifies.');
  expect(verified.status).toBe(0);
});
