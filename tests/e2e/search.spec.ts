import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPalette, SearchView } from './pages/SearchPage';

test.describe('search', () => {
  test('Ctrl-K finds a misspelt name as you type and opens the passage with the words marked', async ({ notebookPage: page }) => {
    const palette = new SearchPalette(page);
    await page.locator('.sidebar').waitFor();
    await palette.open();
    await palette.input.pressSequentially('Capvison raid', { delay: 20 });
    const passages = palette.group('passage');
    await expect(passages.locator('.search-hit').first()).toContainText('Capvision');
    await expect(passages.locator('.search-hit').first().locator('mark.hit').first()).toHaveText('Capvision');
    await expect(palette.group('entity')).toContainText('Capvision');
    await expect(palette.selected).toHaveCount(1);

    await palette.input.press('Enter');
    await expect(palette.root).toBeHidden();
    await expect(page).toHaveURL(/#\/source\/seed-002\/[^?]+\?hl=/);
    const reader = new ReaderPage(page);
    await expect(reader.targetPassage).toHaveAttribute('data-ordinal', '30');
    await expect(reader.targetPassage).toBeInViewport();
    await expect(reader.targetPassage.locator('mark.hit')).toHaveText(['Capvision', 'raided']);
  });

  test('moves through grouped results from the keyboard and closes with Escape', async ({ notebookPage: page }) => {
    const palette = new SearchPalette(page);
    await page.locator('.sidebar').waitFor();
    await palette.open();
    await palette.input.fill('MSS');
    await expect(palette.group('passage').locator('.search-hit').first()).toBeVisible();
    await expect(palette.group('entity').locator('.search-hit').first()).toContainText('Ministry of State Security');
    const first = await palette.selected.getAttribute('data-id');
    await palette.input.press('ArrowDown');
    await expect(palette.selected).not.toHaveAttribute('data-id', first ?? '');
    await palette.input.press('ArrowUp');
    await expect(palette.selected).toHaveAttribute('data-id', first ?? '');
    await palette.input.press('Escape');
    await expect(palette.root).toBeHidden();
  });

  test('the full view narrows results with filters and keeps them in the URL', async ({ notebookPage: page }) => {
    await page.goto(page.url().split('#')[0] + '#/search');
    const view = new SearchView(page);
    await view.input.fill('counterintelligence');
    await expect(view.hits.first()).toBeVisible();
    await view.filter('Source').selectOption('seed-001');
    await expect(page).toHaveURL(/source=seed-001/);
    const titles = view.root.locator('.search-group[data-kind="passage"] .search-hit-title');
    await expect(async () => {
      const all = await titles.allInnerTexts();
      expect(all.length).toBeGreaterThan(0);
      for (const title of all) expect(title).toContain('Ministry of State Security (MSS)');
    }).toPass();
    await view.filter('From').fill('2030');
    await expect(view.root.locator('.search-empty')).toHaveText('No results.');
  });

  test('a passage containing markup shows it as text in the results', async ({ notebookPage: page, app }) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-markup-')), 'markup.txt');
    fs.writeFileSync(file, 'Markup trap\n\nThe zephyrine memo said <img src=x onerror="window.__pwned=1"> and <b>bold</b> things.\n');
    const imported = await app.cli(['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    // The import ran in another process; the running app picks it up through an explicit rebuild.
    await page.evaluate(() => window.api.search.rebuild({}));

    const palette = new SearchPalette(page);
    await palette.open();
    await palette.input.fill('zephyrine onerror');
    const hit = palette.group('passage').locator('.search-hit').first();
    await expect(hit.locator('.search-hit-snippet')).toContainText('<img src=x onerror="window.__pwned=1"> and <b>bold</b>');
    await expect(hit.locator('img, b')).toHaveCount(0);
    await expect(hit.locator('mark.hit')).toHaveText(['zephyrine', 'onerror']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
