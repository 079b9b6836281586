import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { Workspace } from './pages/Workspace';

test.describe('search: saved searches, batch search, index state', () => {
  test('a saved search reports what a CLI import brought', async ({ notebookPage: page, app }) => {
    await page.goto(`${app.origin}/#/search?q=Capvision`);
    await page.getByRole('button', { name: 'Save this search' }).click();
    await expect(page.locator('.saved-searches li')).toContainText('Capvision');
    const file = path.join(app.dataDir, 'followup.md');
    fs.writeFileSync(file, '# Follow-up\n\nCapvision staff were questioned again.\n');
    const run = await app.cli(['import', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("saved search: 1 new passage match 'Capvision'");
  });

  test('batch search shows passages per term and source and exports them as CSV', async ({ notebookPage: page, app }) => {
    await page.goto(`${app.origin}/#/search`);
    await page.getByRole('button', { name: /Batch search/ }).click();
    await page.locator('.batch-search textarea').fill('Capvision\nMSS');
    await page.getByRole('button', { name: 'Search 2 terms' }).click();
    const table = page.locator('.batch-table');
    await expect(table.locator('.batch-term th')).toHaveText(['Capvision', 'MSS']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('term,source_id,source_title,passages,term_total');
    expect(csv).toMatch(/^Capvision,seed-002,/m);
  });

  test('Chinese text: a word inside a longer run is found and marked whole, in passages and titles', async ({
    notebookPage: page,
    app,
  }) => {
    const file = path.join(app.dataDir, 'mss-zh.txt');
    fs.writeFileSync(file, '国家安全部发布消息\n\n中华人民共和国国家安全部近日通报，境外间谍情报机关利用网络招募人员。\n');
    expect((await app.cli(['import', file])).code).toBe(0);
    await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('安全部')}`);
    const passages = page.locator('.search-group[data-kind="passage"] .search-hit');
    await expect(passages).toHaveCount(2);
    await expect(passages.locator('.search-hit-snippet mark')).toHaveText(['安全部', '安全部']);
    const title = page.locator('.search-group[data-kind="source"] .search-hit-title').first();
    await expect(title.locator('mark')).toHaveText(['安全部']);
    // The title's text and marks are one flex item: no gap opens around a mark ("国家 安全部 发布").
    await expect(title.locator(':scope > mark')).toHaveCount(0);

    // A character typed alone is found where it ends a pair too (谍 in 间谍), and only it is marked.
    const box = page.getByRole('combobox', { name: 'Search query' });
    await box.fill('谍');
    await expect(passages).toHaveCount(1);
    await expect(passages.locator('.search-hit-snippet mark')).toHaveText(['谍']);

    // Made an alias of the MSS, the Chinese name also finds the English passages mentioning it.
    expect((await app.cli(['entity', 'alias', 'add', 'mss', '国家安全部'])).code).toBe(0);
    await box.fill('国家安全部');
    await expect(passages.filter({ hasText: 'MSS' }).first()).toBeVisible();
    await expect(passages.filter({ hasText: '国家安全部' }).first()).toBeVisible();

    // The reader's find bar: traditional characters find the simplified text.
    await passages.filter({ hasText: '国家安全部' }).first().click();
    await expect(page).toHaveURL(/#\/source\//);
    const workspace = new Workspace(page);
    await page.keyboard.press('Control+f');
    await expect(workspace.findBar).toBeVisible();
    await page.keyboard.type('國家安全部');
    await expect(workspace.findBar.locator('.find-count')).toHaveText('1 of 2');
  });

  test('Thai text: words typed without spaces, the last unfinished, are found inside a sentence; a Thai alias links the name', async ({
    notebookPage: page,
    app,
  }) => {
    const file = path.join(app.dataDir, 'mss-th.txt');
    // "Mr Wang Yi said that China's Ministry of State Security arrested a spy."
    fs.writeFileSync(file, 'ข่าวสายลับ\n\nนายหวังอี้กล่าวว่ากระทรวงความมั่นคงแห่งรัฐของจีนจับกุมสายลับ\n');
    expect((await app.cli(['import', file])).code).toBe(0);
    expect((await app.cli(['entity', 'alias', 'add', 'mss', 'กระทรวงความมั่นคงแห่งรัฐ'])).code).toBe(0);
    // Typed as Thai is written, without spaces, and unfinished.
    await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('ความมั่นคงแห่งรั')}`);
    const passages = page.locator('.search-group[data-kind="passage"] .search-hit');
    await expect(passages.filter({ hasText: 'หวังอี้' })).toHaveCount(1);
    // Its four words stand side by side: one mark, ending where the word รัฐ ends.
    await expect(passages.filter({ hasText: 'หวังอี้' }).locator('.search-hit-snippet mark')).toHaveText(['ความมั่นคงแห่งรัฐ']);
    await passages.filter({ hasText: 'หวังอี้' }).click();
    // The whole name is the MSS's mention (cut in two where the words found are marked).
    const mention = page.locator('.reader .mention[data-entity-id="mss"]');
    await expect.poll(async () => (await mention.allTextContents()).join('')).toBe('กระทรวงความมั่นคงแห่งรัฐ');
  });

  test('a banner with Rebuild says when the index cannot be saved', async ({ notebookPage: page, app }) => {
    await page.goto(`${app.origin}/#/search`);
    const file = path.join(app.dataDir, 'search', 'index.sbidx');
    fs.rmSync(file, { force: true });
    fs.mkdirSync(file, { recursive: true }); // the first build may not have written the file yet
    // A commit by another process: the index catches up and tries to save itself.
    const note = path.join(app.dataDir, 'note.md');
    fs.writeFileSync(note, '# Aside\n\nOne more passage.\n');
    expect((await app.cli(['import', note])).code).toBe(0);
    const banner = page.locator('.search-banner-problem');
    await expect(banner).toContainText('could not be saved (a folder is in its place)', { timeout: 30_000 });
    await expect(banner.getByRole('button', { name: 'Rebuild' })).toBeVisible();
  });
});
