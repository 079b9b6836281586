import { expect, test } from './fixtures';
import { NotePage } from './pages/NotePage';
import { ReaderPage } from './pages/ReaderPage';

test.describe('the workspace’s layout and the reader’s marks', () => {
  // Whole sessions of work; a loaded machine needs more than the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('at 1920×1080 the note uses the full height, and its splitter’s width is kept across a reload', async ({
    notebookPage: page,
    app,
  }) => {
    const notes = new NotePage(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${app.origin}/#/source/seed-000`);
    await new ReaderPage(page).passage(5).waitFor();
    await page.keyboard.press('Control+n');
    await expect(notes.title).toBeFocused();
    await page.keyboard.type('Wide window');
    await notes.waitSaved();

    const dock = page.locator('#note-dock');
    const editor = notes.pane.locator('.note-content');
    // The dock runs from the top of the window to its bottom, and the text area fills most of it.
    const dockBox = (await dock.boundingBox())!;
    expect(dockBox.y).toBeLessThanOrEqual(1);
    expect(dockBox.y + dockBox.height).toBeGreaterThanOrEqual(1079);
    expect((await editor.boundingBox())!.height).toBeGreaterThan(600);
    // The reader keeps the room that is left: nothing clipped, no empty band.
    const mainBox = (await page.locator('#main').boundingBox())!;
    expect(mainBox.width).toBeGreaterThan(900);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The splitter, from the keyboard: ← widens the note; the width is saved in the notebook.
    const splitter = page.getByRole('separator', { name: 'Resize the note pane' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const wider = before + 48;
    await expect(splitter).toHaveAttribute('aria-valuenow', String(wider));
    await expect.poll(async () => Math.round((await dock.boundingBox())!.width)).toBe(wider);
    await expect.poll(() => page.evaluate(async () => (await window.api.settings.get({})).settings.notePaneWidth)).toBe(wider);

    await page.reload();
    await expect(notes.title).toHaveValue('Wide window');
    await expect(page.getByRole('separator', { name: 'Resize the note pane' })).toHaveAttribute('aria-valuenow', String(wider));
    await expect.poll(async () => Math.round((await dock.boundingBox())!.width)).toBe(wider);
  });

  test('cited words stay marked and name their note; the context menu keeps Copy', async ({ notebookPage: page, app }) => {
    const notes = new NotePage(page);
    const reader = new ReaderPage(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(`${app.origin}/#/source/seed-000`);
    await reader.passage(5).waitFor();
    await page.keyboard.press('Control+n');
    await expect(notes.title).toBeFocused();
    await page.keyboard.type('Marks in the reader');
    await notes.selectInPassage(5, 'appointed by President Xi in 2016');
    await page.keyboard.press('Control+Shift+C');
    await expect(notes.chips).toHaveCount(1);
    await notes.waitSaved();
    // The cited words are marked (in pieces where a name inside them is a link of its own).
    const cited = reader.passage(5).locator('.cited');
    const citedWords = () => cited.evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    await expect.poll(citedWords).toBe('appointed by President Xi in 2016');
    await expect(cited.first()).toHaveAttribute('title', 'Cited in “Marks in the reader”');
    // Still marked after a reload: the marks come from the notebook, not from this page's memory.
    await page.reload();
    await reader.passage(5).waitFor();
    await expect.poll(citedWords).toBe('appointed by President Xi in 2016');

    // Right-click on a selection: Cite, Cite with quote, Copy (which copies the words), and a new entity from it.
    await notes.selectInPassage(5, 'appointed by President Xi');
    await reader.passage(5).locator('.cited').first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Selection' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Cite', 'Cite with quote', 'Copy', 'New entity from selection…']);
    await menu.getByRole('menuitem', { name: 'Copy' }).click();
    await expect(menu).toBeHidden();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('appointed by President Xi');
  });

  test('the entity panel shows one card per passage, with every mention in it marked and counted', async ({ notebookPage: page, app }) => {
    await page.goto(`${app.origin}/#/source/seed-000?entity=mss`);
    const panel = page.locator('.entity-panel');
    await panel.locator('.mention-source').first().waitFor();
    const groups = await panel.locator('.mention-source').evaluateAll((sections) =>
      sections.map((s) => ({
        anchors: [...s.querySelectorAll('.mention-context')].map((a) => (a as HTMLElement).dataset.anchor),
        marks: s.querySelectorAll('.mention-context mark').length,
        count: s.querySelector('.count')?.textContent ?? '',
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) {
      expect(new Set(g.anchors).size).toBe(g.anchors.length);
      const [, passages, mentions] = g.count.match(/^(\d+) passages?, (\d+) mentions?$/) ?? [];
      expect(Number(passages)).toBe(g.anchors.length);
      expect(Number(mentions)).toBeGreaterThanOrEqual(g.marks);
    }
  });

  test('the dark theme is chosen in Settings and kept; the page asks for no missing file', async ({ notebookPage: page, app }) => {
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${app.origin}/#/settings`);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await background();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(dark);
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).not.toBe(dark);
    expect(missing).toEqual([]);
  });
});
