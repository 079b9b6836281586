import { httpCallPath, wireName } from '../../src/shared/contract';
import { editSourceFromOutside } from './editSource';
import { expect, test } from './fixtures';
import { EntityPanel } from './pages/EntityPanel';
import { NotePage } from './pages/NotePage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPalette } from './pages/SearchPage';
import { Workspace } from './pages/Workspace';

/** Ctrl-K, a phrase, Enter: the reader opens at the passage, which has the focus. */
async function openPassageBySearch(page: NotePage['page'], phrase: string): Promise<void> {
  const palette = new SearchPalette(page);
  await palette.open();
  await palette.input.pressSequentially(phrase, { delay: 10 });
  await expect(palette.selected).toHaveCount(1);
  await expect(palette.selected).toHaveAttribute('data-kind', 'passage');
  await palette.input.press('Enter');
  await expect(palette.root).toBeHidden();
  await expect(page.locator('.passage.target')).toBeFocused();
}

test.describe('the writer’s workspace', () => {
  // Each story is a whole session of work; a loaded machine needs more than the default minute.
  test.describe.configure({ timeout: 180_000 });
  test('one note across three sources, using only the keyboard', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await page.locator('.source-table').waitFor();
    const start = page.url();
    // A new note, named from the keyboard; Enter goes on to its text.
    await page.keyboard.press('Control+n');
    await expect(notes.title).toBeFocused();
    await page.keyboard.type('Three sources on the MSS');
    await page.keyboard.press('Enter');
    await expect(notes.content).toBeFocused();
    await page.keyboard.type('What three sources say. ');

    // Source one: a whole passage, cited with C.
    await openPassageBySearch(page, 'appointed by President Xi in 2016');
    await page.keyboard.press('c');
    await expect(notes.chips).toHaveCount(1);

    // Source two: three words chosen with Shift+→, cited with C.
    await openPassageBySearch(page, 'widens remit as well as reach');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => window.getSelection()!.toString().trim());
    // Three word steps from the start of the passage: its first words, and nothing beyond it.
    const passageText = await page.locator('.passage:focus [data-passage-text]').innerText();
    expect(selected.length).toBeGreaterThan(2);
    expect(passageText.startsWith(selected)).toBe(true);
    await page.keyboard.press('c');
    await expect(notes.chips).toHaveCount(2);

    // Source three: with the quote as a block quote (Q).
    await openPassageBySearch(page, 'Secret Investigation');
    await page.keyboard.press('q');
    await expect(notes.chips).toHaveCount(3);
    await expect(notes.pane.locator('.note-quote')).toHaveCount(1);
    await notes.waitSaved();

    // One note, three sources, the same note all along; no URL was typed.
    const cited = await notes.chips.evaluateAll((chips) => chips.map((c) => (c as HTMLElement).dataset.sourceId));
    expect(new Set(cited)).toEqual(new Set(['seed-000', 'seed-002', 'seed-004']));
    await expect(notes.title).toHaveValue('Three sources on the MSS');
    const note = await page.evaluate(async (id) => window.api.notes.get({ id }), await notes.noteId());
    expect(note.citations.map((c) => c.exact)).toContain(selected);
    expect(page.url().split('#')[0]).toBe(start.split('#')[0]);
    expect((await page.evaluate(() => window.api.notes.list({}))).length).toBe(1);
  });

  test('links and mentions in a note open their note or entity', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await page.locator('.sidebar').waitFor();
    const target = await page.evaluate(() => window.api.notes.create({ title: 'The MSS and its leaders' }));
    await notes.newNote();
    await notes.type('See ');
    await page.keyboard.type('[[The MSS');
    await expect(page.locator('.typeahead-menu li').first()).toContainText('The MSS and its leaders');
    await page.keyboard.press('Enter');
    await notes.content.press('End');
    await page.keyboard.type(' and ');
    await page.keyboard.type('@Chen Wen');
    await expect(page.locator('.typeahead-menu li').first()).toContainText('Chen Wenqing');
    await page.keyboard.press('Enter');
    await notes.waitSaved();
    const source = await notes.noteId();

    await notes.content.locator('.note-link').click();
    await expect(notes.pane).toHaveAttribute('data-note-id', target.id);
    await expect(notes.title).toHaveValue('The MSS and its leaders');
    // Back to the first note from the switcher, then the mention opens its entity.
    await page.keyboard.press('Control+Shift+O');
    await page.keyboard.press('Enter');
    await expect(notes.pane).toHaveAttribute('data-note-id', source);
    await notes.content.locator('.note-mention').click();
    await expect(new EntityPanel(page).name).toHaveText('Chen Wenqing');
  });

  test('the typeahead takes the best match, not the row under a resting pointer', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await page.locator('.sidebar').waitFor();
    const existing = await page.evaluate(() => window.api.notes.create({ title: 'The MSS and its leaders' }));
    await notes.newNote();
    await notes.type('');
    // Where the list opens, the pointer is put on the second row and left there.
    await page.keyboard.type('@Xi');
    const rows = page.locator('.typeahead-menu li');
    await expect(rows.nth(1)).toBeVisible();
    const box = (await rows.nth(1).boundingBox())!;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(rows).toHaveCount(0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.type('@Xi');
    await expect(rows.first()).toContainText('Xi Jinping');
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(notes.content.locator('.note-mention')).toHaveAttribute('data-entity-id', 'xi-jinping');

    // "[[The MSS" + Enter links the note that exists; it does not create another.
    await page.keyboard.type(' ');
    await page.keyboard.type('[[The MSS');
    await expect(rows.first()).toContainText('The MSS and its leaders');
    await expect(rows.last()).toContainText('Create');
    await page.keyboard.press('Enter');
    await expect(notes.content.locator('.note-link')).toHaveAttribute('data-note-id', existing.id);
    await notes.waitSaved();
    expect((await page.evaluate(() => window.api.notes.list({}))).length).toBe(2);
  });

  test('trash has Undo, and emptying it asks first', async ({ notebookPage: page }) => {
    const workspace = new Workspace(page);
    await page.locator('.sidebar').waitFor();
    await page.evaluate(() => window.api.notes.create({ title: 'Leads to follow up' }));
    await workspace.goTo('Notes');
    const titles = page.locator('.note-list-title');
    await expect(titles).toHaveText(['Leads to follow up']);
    await page.getByRole('button', { name: 'Move “Leads to follow up” to the trash' }).click();
    await expect(titles).toHaveCount(0);
    const moved = workspace.toasts.filter({ hasText: 'Moved “Leads to follow up” to the trash.' });
    await moved.getByRole('button', { name: 'Undo' }).click();
    await expect(titles).toHaveText(['Leads to follow up']);

    await page.getByRole('button', { name: 'Move “Leads to follow up” to the trash' }).click();
    await page.getByRole('button', { name: 'Show trash' }).click();
    await expect(titles).toHaveText(['Leads to follow up']);
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Empty the trash?' });
    await expect(dialog).toContainText('cannot be undone');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(titles).toHaveText(['Leads to follow up']);
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    await dialog.getByRole('button', { name: 'Delete for ever' }).click();
    await expect(titles).toHaveCount(0);
    await expect(workspace.toasts.filter({ hasText: 'Deleted 1 note for ever.' })).toHaveCount(1);
  });

  test('history compares any two revisions word by word, and a restore can be undone', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    const workspace = new Workspace(page);
    await page.locator('.sidebar').waitFor();
    await notes.newNote();
    await notes.type('First draft of the argument.');
    await notes.waitSaved();
    const id = await notes.noteId();
    // Closing the note records a revision; it opens again from the switcher.
    await page.getByRole('button', { name: 'Close the note' }).click();
    await page.getByRole('button', { name: /Switch note/ }).click();
    await page.getByRole('option', { name: /Untitled note/ }).click();
    await expect(notes.pane).toHaveAttribute('data-note-id', id);
    await notes.content.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('A second draft of the argument, rewritten.');
    await notes.waitSaved();

    await notes.pane.getByRole('button', { name: 'History' }).click();
    await notes.pane.locator('.revision-open', { hasText: 'on close' }).first().click();
    const diff = notes.pane.locator('.diff-text');
    await expect(diff.locator('del')).toContainText(['First']);
    await expect(diff.locator('ins').first()).toContainText('A second');
    // Words as a reader counts them (“A second … rewritten” for “First”), not jsdiff's tokens.
    await expect(notes.pane.locator('.diff-summary')).toHaveText('3 words added, 1 word removed.');

    await notes.pane
      .getByRole('button', { name: /^Restore the text of .* on close/ })
      .first()
      .click();
    await expect(notes.content).toHaveText('First draft of the argument.');
    await expect(workspace.toasts).toContainText('The text it replaced is kept in the history.');
    await workspace.toasts.getByRole('button', { name: 'Undo' }).click();
    await expect(notes.content).toHaveText('A second draft of the argument, rewritten.');
    await page.reload();
    await expect(notes.content).toHaveText('A second draft of the argument, rewritten.');
  });

  test('keyboard: skip link, one Tab stop per passage’s names, Escape, shortcuts, find with a count, back and forward', async ({
    notebookPage: page,
    app,
  }) => {
    const workspace = new Workspace(page);
    const reader = new ReaderPage(page);
    // The first Tab stop of a page is the skip link.
    await page.locator('.source-table').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await page.goto(`${app.origin}/#/source/seed-000`);
    await reader.passage(5).waitFor();

    // Passage 5 names four entities; they are one Tab stop, with → between them.
    await reader.passage(4).locator('.mention').first().focus();
    await page.keyboard.press('Tab');
    const first = reader.passage(5).locator('.mention').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(reader.passage(5).locator('.mention').nth(1)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(reader.passage(6).locator('.mention').first()).toBeFocused();
    await page.keyboard.press('Enter');
    const panel = new EntityPanel(page);
    await expect(panel.name).toBeVisible();
    // Escape closes the topmost: the shortcut sheet, then the entity panel.
    await page.keyboard.press('?');
    await expect(workspace.sheet).toBeVisible();
    await expect(workspace.sheet).toContainText('Cite the selection, or the whole passage');
    await page.keyboard.press('Escape');
    await expect(workspace.sheet).toBeHidden();
    await expect(panel.root).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel.root).toBeHidden();

    await page.keyboard.press('Control+f');
    await expect(workspace.findBar).toBeVisible();
    await page.keyboard.type('Ministry of State Security');
    await expect(workspace.findBar.locator('.find-count')).toHaveText(/^1 of \d+$/);
    const total = Number((await workspace.findBar.locator('.find-count').innerText()).split(' of ')[1]);
    expect(total).toBeGreaterThan(1);
    await page.keyboard.press('Enter');
    await expect(workspace.findBar.locator('.find-count')).toHaveText(`2 of ${total}`);
    await page.keyboard.press('Escape');
    await expect(workspace.findBar).toBeHidden();

    await workspace.goTo('Entities');
    await expect(page).toHaveURL(/#\/entities/);
    await page.locator('#main').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(/#\/source\/seed-000/);
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page).toHaveURL(/#\/entities/);
  });

  test('a source or entity slow to load leaves the focus in the find bar: the words typed go there, in order', async ({
    notebookPage: page,
  }) => {
    const workspace = new Workspace(page);
    const reader = new ReaderPage(page);
    await page.locator('.source-table').waitFor();
    // The source's text is held back until half the words are typed, as on a busy machine.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${httpCallPath(wireName('sources', 'get'))}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => (location.hash = '#/source/seed-000'));
    await page.keyboard.press('Control+f');
    await expect(workspace.findBar).toBeVisible();
    await page.keyboard.type('Ministry of ');
    release();
    await reader.passage(5).waitFor();
    await page.keyboard.type('State Security');
    await expect(workspace.findBar.getByRole('searchbox')).toBeFocused();
    await expect(workspace.findBar.getByRole('searchbox')).toHaveValue('Ministry of State Security');
    await expect(workspace.findBar.locator('.find-count')).toHaveText(/^1 of \d+$/);
    await page.keyboard.press('Escape');

    // Likewise the entity panel, opened from a name while its entity is held back.
    let releaseEntity = () => {};
    const entityHeld = new Promise<void>((resolve) => (releaseEntity = resolve));
    await page.route(`**${httpCallPath(wireName('entities', 'get'))}`, async (route) => {
      await entityHeld;
      await route.continue();
    });
    await reader.passage(5).locator('.mention').first().click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Ministry of ');
    releaseEntity();
    await new EntityPanel(page).name.waitFor();
    await page.keyboard.type('State Security');
    await expect(workspace.findBar.getByRole('searchbox')).toHaveValue('Ministry of State Security');
  });

  test('a source changed from outside shows up in the open reader, and its citation in the open note, without a reload', async ({
    notebookPage: page,
    app,
  }) => {
    const notes = new NotePage(page);
    const reader = new ReaderPage(page);
    await page.goto(`${app.origin}/#/source/seed-000`);
    await reader.passage(5).waitFor();
    await notes.selectInPassage(5, 'appointed by President Xi in 2016');
    await page.keyboard.press('Control+Shift+C');
    await expect(notes.chips).toHaveCount(1);
    await notes.waitSaved();
    await expect(reader.passage(5).locator('.cited')).not.toHaveCount(0);
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    const summary = editSourceFromOutside(app.dataDir, 'seed-000', (t) =>
      t.replace('appointed by President Xi in 2016', 'chosen by the party in 2016'),
    );
    expect(summary.lost).toBe(1); // every cited word replaced: nothing to propose
    await expect(page.locator('.passages')).toContainText('chosen by the party in 2016');
    await expect(page.locator('.passages')).not.toContainText('appointed by President Xi in 2016');
    await expect(notes.chips.first()).toHaveAttribute('data-status', 'lost');
    await expect(notes.pane.locator('.review-count')).toHaveText('1 citation needs review');
    // The same page all along: nothing reloaded it.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(marker);
  });

  test('at 900×700 nothing is clipped: the sidebar shows icons and the note is a drawer', async ({ notebookPage: page, app }) => {
    const notes = new NotePage(page);
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${app.origin}/#/source/seed-000?entity=mss`);
    await page.locator('.entity-panel h2').waitFor();
    await expect(page.locator('.sidebar')).toHaveClass(/collapsed/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const toggle = page.getByRole('button', { name: 'Note', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await notes.selectInPassage(5, 'appointed by President Xi in 2016');
    await page.keyboard.press('Control+Shift+C');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(notes.chips).toHaveCount(1);
    await expect(notes.pane).toBeInViewport({ ratio: 0.9 });
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(notes.pane).not.toBeInViewport();
  });
});
