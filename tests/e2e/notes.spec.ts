import { editSourceFromOutside } from './editSource';
import { expect, test } from './fixtures';
import { EntityPanel } from './pages/EntityPanel';
import { NotePage } from './pages/NotePage';
import { ReaderPage } from './pages/ReaderPage';

const QUOTE = 'appointed by President Xi in 2016';

async function citeFromReader(page: NotePage['page'], notes: NotePage) {
  await page.goto(page.url().split('#')[0] + '#/source/seed-000');
  await new ReaderPage(page).passage(5).waitFor();
  await notes.selectInPassage(5, QUOTE);
  await page.locator('.cite-button').click();
  await expect(notes.chips.first()).toBeVisible();
  await notes.waitSaved();
}

test.describe('a writer keeps notes that cite exact passages', () => {
  test('writes a note, cites a selection from the reader, reloads, and the citation jumps to its passage', async ({
    notebookPage: page,
    app,
  }) => {
    const notes = new NotePage(page);
    await citeFromReader(page, notes);
    await notes.type(' The MSS director was appointed by Xi.');
    await notes.waitSaved();
    await expect(page.locator('.passage[data-ordinal="5"] .citation-count')).toHaveText('1');

    await page.reload();
    await expect(notes.content).toContainText('The MSS director was appointed by Xi.');
    await expect(notes.chips).toHaveCount(1);
    await expect(notes.chips.first()).toContainText('¶5');
    await notes.chips.first().hover();
    await expect(page.locator('.citation-card mark')).toHaveText(QUOTE);

    await notes.chips.first().click();
    const reader = new ReaderPage(page);
    await expect(reader.targetPassage).toHaveAttribute('data-ordinal', '5');
    // The highlight is cut at entity mentions inside the quote; together the pieces are the quote.
    await expect.poll(async () => (await reader.targetPassage.locator('mark.hit').allInnerTexts()).join('')).toBe(QUOTE);
    await expect(reader.targetPassage).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('split-view.png') });

    // The same note from the command line, its citation as a Pandoc footnote.
    const noteId = await notes.noteId();
    const cli = await app.cli(['note', noteId, '--markdown']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('The MSS director was appointed by Xi.');
    expect(cli.stdout).toMatch(
      /\[\^1\] The MSS director[\s\S]*\n\n\[\^1\]: “appointed by President\s+Xi in 2016” — China: Ministry of State Security \(MSS\), ¶5/,
    );
  });

  test('cites with the keyboard shortcut (with the quote as a block quote) and the context menu into the open note', async ({
    notebookPage: page,
  }) => {
    const notes = new NotePage(page);
    await citeFromReader(page, notes);
    await notes.selectInPassage(7, 'charged Alexander Ma');
    await page.keyboard.press('Control+Shift+Alt+C');
    await expect(notes.chips).toHaveCount(2);
    await expect(notes.pane.locator('.note-quote')).toContainText('charged Alexander Ma');
    await notes.waitSaved();

    // And from the context menu.
    await notes.selectInPassage(9, 'People’s Liberation Army');
    await page.locator('.passage[data-ordinal="9"]').scrollIntoViewIfNeeded();
    const selected = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(selected.x, selected.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Cite', exact: true }).click();
    await expect(notes.chips).toHaveCount(3);
    await notes.waitSaved();
  });

  test('mentions an entity with "@" and sees the note in the entity panel', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await notes.newNote();
    await notes.title.fill('Leadership of the MSS');
    await notes.title.press('Enter');
    await notes.type('Director ');
    await page.keyboard.type('@Chen Wen');
    await page.locator('.typeahead-menu li', { hasText: 'Chen Wenqing' }).first().click();
    await expect(notes.content.locator('.note-mention[data-entity-id="chen-wenqing"]')).toHaveText('Chen Wenqing');
    await notes.waitSaved();

    await page.goto(page.url().split('#')[0] + '#/source/seed-000');
    await new ReaderPage(page).clickMention('chen-wenqing');
    const panel = new EntityPanel(page);
    await expect(panel.root.locator('.entity-notes')).toContainText('Leadership of the MSS');
  });

  test('links notes with "[[", creating the missing one, and sees the backlink', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await notes.newNote();
    await notes.type('See ');
    await page.keyboard.type('[[Huawei sanctions');
    await page.locator('.typeahead-menu li', { hasText: 'Create “Huawei sanctions”' }).click();
    const link = notes.content.locator('.note-link');
    await expect(link).toHaveText('Huawei sanctions');
    await notes.waitSaved();
    const targetId = await link.getAttribute('data-note-id');
    await page.goto(page.url().split('#')[0] + `#/notes/${targetId}`);
    await page.getByRole('button', { name: /Linked from \(1\)/ }).click();
    await expect(notes.pane.locator('.note-backlinks')).toContainText('Untitled note');
  });

  test('restores an earlier revision', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await notes.newNote();
    await notes.type('First draft of the argument.');
    await notes.waitSaved();
    const noteUrl = `${page.url().split('#')[0]}#/notes/${await notes.noteId()}`;
    // Closing the note records a revision.
    await page.getByRole('button', { name: 'Close the note' }).click();
    await page.goto(noteUrl);
    await notes.content.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('A rewrite that went wrong.');
    await notes.waitSaved();

    await page.getByRole('button', { name: 'History' }).click();
    await notes.pane
      .getByRole('button', { name: /^Restore the text of .* on close/ })
      .first()
      .click();
    await expect(notes.content).toHaveText('First draft of the argument.');
    await page.reload();
    await expect(notes.content).toHaveText('First draft of the argument.');
  });

  test('a citation whose source text was edited shows "needs review" in the note, the list and the review view', async ({
    notebookPage: page,
    app,
  }) => {
    const notes = new NotePage(page);
    await citeFromReader(page, notes);
    const summary = editSourceFromOutside(app.dataDir, 'seed-000', (t) => t.replace(/, appointed by President Xi in 2016/, ''));
    expect(summary.lost).toBe(1);

    await page.reload();
    await expect(notes.chips.first()).toHaveClass(/needs-review/);
    await expect(notes.chips.first()).toHaveAttribute('data-status', 'lost');
    await expect(notes.chips.first()).toHaveAttribute('title', /^Lost: /);
    await expect(notes.pane.locator('.review-count')).toHaveText('1 citation needs review');
    await page.getByRole('link', { name: 'Review', exact: true }).click();
    await expect(page.locator('.review-item .review-was mark')).toHaveText(`“${QUOTE}”`);
  });

  test('a save that fails keeps the text, says so, retries, and never claims "Saved" until it is', async ({ notebookPage: page }) => {
    const notes = new NotePage(page);
    await notes.newNote();
    await notes.type('Words that must not be lost.');
    await notes.waitSaved();
    let failures = 0;
    await page.route('**/api/notes.save', (route) => {
      failures++;
      // The server's error envelope, as the loopback shell sends it for a failed write.
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'Saving the note failed: the disk is full (simulated).' } }),
      });
    });
    await notes.type(' And more words.');
    await expect(notes.status).toContainText('Error — retrying');
    await expect(notes.status).toContainText('disk is full');
    await expect.poll(() => failures).toBeGreaterThan(1);
    await expect(notes.status).not.toHaveText('Saved');
    await expect(notes.content).toContainText('Words that must not be lost. And more words.');
    await page.unroute('**/api/notes.save');
    await notes.waitSaved();
    await page.reload();
    await expect(notes.content).toContainText('Words that must not be lost. And more words.');
  });
});

test('moves a note to the trash and restores it', async ({ notebookPage: page, app }) => {
  await page.locator('.sidebar').waitFor();
  await page.evaluate(() => window.api.notes.create({ title: 'Leads to follow up' }));
  await page.goto(`${app.origin}/#/notes`);
  const list = page.locator('.note-list-title');
  await expect(list).toHaveText(['Leads to follow up']);
  await page.getByRole('button', { name: 'Move “Leads to follow up” to the trash' }).click();
  await expect(list).toHaveCount(0);
  await page.getByRole('button', { name: 'Show trash' }).click();
  await expect(list).toHaveText(['Leads to follow up']);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('button', { name: 'Back to notes' }).click();
  await expect(list).toHaveText(['Leads to follow up']);
  const cli = await app.cli(['notes', '--json']);
  expect(JSON.parse(cli.stdout)).toEqual([expect.objectContaining({ title: 'Leads to follow up' })]);
});
