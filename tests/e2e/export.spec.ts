import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { ExportPage } from './pages/ExportPage';

const QUOTES = [
  { sourceId: 'seed-000', words: 'There are few intelligence agencies with a more ambitious agenda' },
  { sourceId: 'seed-001', words: 'Ministry of State Security' },
];

/** Writes a note citing two seed passages, through the same window.api the editor uses. */
async function writeCitedNote(page: Page): Promise<string> {
  await page.locator('.sidebar').waitFor();
  return page.evaluate(async (quotes) => {
    const children: unknown[] = [
      { type: 'text', version: 1, text: 'The agency is <b>ambitious</b>.', format: 0, detail: 0, mode: 'normal', style: '' },
    ];
    for (const q of quotes) {
      const source = await window.api.sources.get({ id: q.sourceId });
      const passage = source.passages.find((p) => p.text.includes(q.words))!;
      const start = passage.text.indexOf(q.words);
      const citation = await window.api.notes.makeCitation({
        sourceId: q.sourceId,
        passageAnchor: passage.anchor,
        start,
        end: start + q.words.length,
      });
      children.push({ type: 'sb-citation', version: 1, citation });
    }
    const note = await window.api.notes.create({ title: 'Briefing on the MSS' });
    const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children };
    await window.api.notes.save({
      id: note.id,
      document: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph] } } as never,
    });
    return note.id;
  }, QUOTES);
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const notesIn = (file: string, from: string) => (run('pandoc', ['-f', from, '-t', 'json', file]).match(/"t":"Note"/g) ?? []).length;

test('exports a cited note in every format through the Export view', async ({ notebookPage: page }) => {
  test.setTimeout(120_000);
  const noteId = await writeCitedNote(page);
  const view = new ExportPage(page);
  await view.open([noteId]);
  // The first preview builds the style's citeproc engine (Chicago 18's file is large): allow for a busy machine.
  await expect(view.check).toContainText('2 of 2 quotes verified', { timeout: 60_000 });
  await expect(view.preview.locator('.export-notes li')).toHaveCount(2);
  await expect(view.preview).toContainText('The agency is <b>ambitious</b>.');
  // CMOS 18 shortened note: the short title is the main title without its subtitle.
  await expect(view.preview).toContainText('Taylor, “China,” para. 4.');
  await page.screenshot({ path: path.join(os.tmpdir(), 'sourcebook-export-view.png') });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-e2e-export-'));
  const save = async (format: string) => {
    await view.chooseFormat(format);
    const download = await view.download();
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };

  const md = await save('md');
  expect(path.basename(md)).toBe('Briefing on the MSS.md');
  expect(notesIn(md, 'markdown')).toBe(2);
  const docx = await save('docx');
  expect(notesIn(docx, 'docx')).toBe(2);
  for (const q of QUOTES) expect(run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx])).toContain(q.words);
  const html = fs.readFileSync(await save('html'), 'utf8');
  expect(html).not.toMatch(/<script|src=|url\(/i);
  expect(html).toContain('The agency is &lt;b&gt;ambitious&lt;/b&gt;.');
  const pdf = await save('pdf');
  const pdfText = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
  expect(pdfText).toContain('para. 4');
  for (const q of QUOTES) expect(pdfText).toContain(q.words);
  const zip = await save('zip');
  const verified = spawnSync(process.execPath, [path.join(ROOT, 'scripts/verify-evidence.mjs'), zip], { encoding: 'utf8' });
  expect(verified.stdout).toContain('OK: every hash and quote verifies.');
  expect(verified.status).toBe(0);

  await view.chooseStyle('apa');
  // The two adjacent citations form one parenthesis; building the APA engine takes a while on a busy machine.
  await expect(view.preview).toContainText('References', { timeout: 60_000 });
  await expect(view.preview).toContainText(/\(Minorstudy Web Team, 2024, para\. 1; Taylor, n\.d\., para\. 4\)/);
});

test('opens the Export view from a note with that note chosen', async ({ notebookPage: page, app }) => {
  const noteId = await writeCitedNote(page);
  await page.goto(`${app.origin}/#/notes/${noteId}`);
  await page.getByRole('link', { name: 'Export…' }).click();
  await expect(page).toHaveURL(new RegExp(`#/export\\?notes=${noteId}`));
  await expect(new ExportPage(page).check).toContainText('2 of 2 quotes verified', { timeout: 60_000 });
});
