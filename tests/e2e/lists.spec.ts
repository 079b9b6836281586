import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { NotePage } from './pages/NotePage';
import { serializedParagraph, serializedText, type SerializedNoteDocument } from '../../src/shared/notes';

const home = (page: Page, hash: string) => page.goto(page.url().split('#')[0] + hash);
const titles = (page: Page) => page.locator('.source-table tbody tr .source-link').allInnerTexts();
const sortedBy = (list: string[], descending = false) => {
  const sorted = [...list].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  return descending ? sorted.reverse() : sorted;
};

test.describe('lists an analyst can work with', () => {
  test('sorts the library by a column heading, filters it, and finds it so after a reload', async ({ notebookPage: page }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const title = page.getByRole('columnheader', { name: 'Title' });
    await title.getByRole('button').click();
    await expect(title).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(async () => (await titles(page)).join('|')).toBe(sortedBy(await titles(page)).join('|'));
    await title.getByRole('button').click();
    await expect(title).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(async () => (await titles(page)).join('|')).toBe(sortedBy(await titles(page), true).join('|'));

    await page.getByLabel('Filter sources').fill('posts warn');
    await expect(library.rows).toHaveCount(1);
    await expect(library.rows.first()).toContainText('Posts by China’s Ministry of State Security Warn');
    await expect(page.locator('.list-toolbar .count')).toHaveText('1 of 5');

    await page.reload();
    await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByLabel('Filter sources')).toHaveValue('posts warn');
    await expect(library.rows).toHaveCount(1);
    await page.getByLabel('Filter sources').fill('');
    await expect(library.rows).toHaveCount(5);
  });

  test('tags sources, filters by a tag, renames and removes it; the reader and the CLI see the same tags', async ({
    notebookPage: page,
    app,
  }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const addTag = async (sourceId: string, tag: string) => {
      await library.row(sourceId).locator('.tag-add').click();
      await library.row(sourceId).getByRole('textbox').fill(tag);
      await library.row(sourceId).getByRole('textbox').press('Enter');
    };
    await addTag('seed-001', 'cold war');
    await expect(library.row('seed-001').locator('.source-tag')).toHaveText(['cold war×']);
    await addTag('seed-003', 'Cold  War ');
    await expect(library.row('seed-003').locator('.source-tag .tag-name')).toHaveText('Cold War');

    // Tags are text, checked at the contract: markup is refused with a message, nothing saved.
    await addTag('seed-002', '<b>x</b>');
    await expect(library.row('seed-002').getByRole('alert')).toContainText('is not allowed: a tag is 1 to 40 characters');
    await library.row('seed-002').getByRole('textbox').press('Escape');
    await expect(library.row('seed-002').locator('.source-tag')).toHaveCount(0);

    await page.getByLabel('Tag', { exact: true }).selectOption('cold war');
    await expect(library.rows).toHaveCount(2);
    await page.getByRole('button', { name: 'Rename tag…' }).click();
    await page.getByLabel('New name for the tag “cold war”').fill('Cold War era');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(library.rows).toHaveCount(2);
    await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('Cold War era');

    const cli = await app.cli(['sources', '--json']);
    const listed = JSON.parse(cli.stdout) as { id: string; tags: string[] }[];
    expect(listed.filter((s) => s.tags.length).map((s) => [s.id, s.tags])).toEqual([
      ['seed-001', ['Cold War era']],
      ['seed-003', ['Cold War era']],
    ]);
    // Tagged from the terminal, the open library follows.
    expect((await app.cli(['source', 'tag', 'seed-004', 'Cold War era'])).code).toBe(0);
    await expect(library.rows).toHaveCount(3);

    await library
      .row('seed-003')
      .getByRole('button', { name: /Remove tag “Cold War era”/ })
      .click();
    await expect(library.rows).toHaveCount(2);
    await home(page, '#/source/seed-001');
    await expect(page.locator('.reader-header .source-tag .tag-name')).toHaveText(['Cold War era']);
  });

  test('a cited source cannot simply be deleted; kept pinned, its note still shows the quote; an uncited one goes and comes back with Undo, or goes for good', async ({
    notebookPage: page,
    app,
  }) => {
    const library = new LibraryPage(page);
    await library.rows.first().waitFor();
    const { note } = await page.evaluate(() =>
      window.api.notes.cite({ sourceId: 'seed-000', quote: 'appointed by President Xi in 2016', newNoteTitle: 'Xi appointments' }),
    );
    const refused = await app.cli(['source', 'delete', 'seed-000']);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain('“Xi appointments”');

    await library.row('seed-000').locator('.delete-source').click();
    const dialog = page.locator('.confirm-dialog[open]');
    await expect(dialog).toContainText('1 note cites it (1 citation), so it cannot simply be deleted.');
    await expect(dialog.getByRole('list', { name: 'Notes citing this source' })).toContainText('Xi appointments');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(library.row('seed-000')).toBeVisible();

    await library.row('seed-000').locator('.delete-source').click();
    await dialog.getByRole('button', { name: 'Delete, keep citations pinned' }).click();
    await expect(library.row('seed-000')).toHaveCount(0);
    await expect(page.locator('.toast').first()).toContainText('1 citation keep their pinned version');

    // Search forgets its passages (the index follows the change feed).
    await expect
      .poll(async () => {
        const found = await page.evaluate(() => window.api.search.query({ q: 'appointed President Xi', perSource: true }));
        return (found.perSource ?? []).some((s) => s.sourceId === 'seed-000');
      })
      .toBe(false);

    const notes = new NotePage(page);
    await page.evaluate((id) => window.api.settings.update({ openNoteId: id }), note.id);
    await page.reload();
    await expect(notes.chips.first()).toHaveAttribute('data-status', 'pinned');
    await expect(notes.chips.first()).toHaveClass(/source-deleted/);
    await notes.chips.first().hover();
    await expect(page.locator('.citation-card mark')).toHaveText('appointed by President Xi in 2016');
    await expect(page.locator('.citation-card')).toContainText('source deleted from the library');

    // Its reader shows the text as it was kept, under the banner, read-only: a selection offers no Cite.
    const framesDrawn = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await home(page, '#/source/seed-000');
    await expect(page.locator('.deleted-banner')).toContainText('read-only');
    await expect(page.locator('.passage[data-ordinal="5"]')).toContainText('appointed by President Xi in 2016');
    await notes.selectInPassage(5, 'appointed by President Xi');
    await framesDrawn();
    await expect(page.locator('.cite-button')).toHaveCount(0);

    // The uncited seed-004: asked, deleted, then back with Undo.
    await home(page, '#/library');
    await library.row('seed-004').locator('.delete-source').click();
    await expect(dialog).toContainText('You can undo it right after.');
    await dialog.getByRole('button', { name: 'Delete source' }).click();
    await expect(library.row('seed-004')).toHaveCount(0);
    await page.locator('.toast', { hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect(library.row('seed-004')).toBeVisible();

    await page.getByRole('button', { name: 'Show deleted' }).click();
    await expect(page.getByRole('heading', { name: 'Deleted sources' })).toBeVisible();
    await expect(library.rows).toHaveCount(1);
    await expect(library.row('seed-000').getByRole('button', { name: 'Restore' })).toBeVisible();
    // When it was deleted, not its passages and mentions (they left the library: both would read 0).
    await expect(page.getByRole('columnheader', { name: 'Deleted' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Passages' })).toHaveCount(0);

    // Restored, the same selection can be cited again.
    // Deleting it for good is refused while its citation is pinned to its text, naming the note.
    await library.row('seed-000').locator('.purge-source').click();
    await expect(page.getByRole('alert')).toContainText('cannot be deleted for good: 1 note (“Xi appointments”)');
    await expect(page.locator('.confirm-dialog[open]')).toHaveCount(0);
    await library.row('seed-000').getByRole('button', { name: 'Restore' }).click();
    // Restored once it has left the deleted sources: the reader then loads it as it is now.
    await expect(library.row('seed-000')).toHaveCount(0);
    await home(page, '#/source/seed-000');
    await expect(page.locator('.passage[data-ordinal="5"]')).toContainText('appointed by President Xi in 2016');
    await expect(page.locator('.deleted-banner')).toHaveCount(0);
    await notes.selectInPassage(5, 'appointed by President Xi');
    await expect(page.locator('.cite-button')).toBeVisible();

    // The uncited seed-004, deleted and then deleted for good, asked first: gone from the deleted sources and the CLI.
    await home(page, '#/library');
    await library.row('seed-004').locator('.delete-source').click();
    await dialog.getByRole('button', { name: 'Delete source' }).click();
    await expect(library.row('seed-004')).toHaveCount(0);
    await page.getByRole('button', { name: 'Show deleted' }).click();
    await library
      .row('seed-004')
      .getByRole('button', { name: /for good/ })
      .click();
    await expect(dialog).toContainText('nothing here can bring them back');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await expect(library.row('seed-004')).toHaveCount(0);
    await expect(page.locator('.toast', { hasText: 'for good' })).toBeVisible();
    const gone = await app.cli(['source', 'seed-004']);
    expect(gone.code, gone.stderr).not.toBe(0);
    expect((await app.cli(['source', 'purge', 'seed-001'])).stderr).toContain('delete it first');
  });

  test('sorts and filters the notes list, with dates and a preview of each note', async ({ notebookPage: page }) => {
    const document = (text: string): SerializedNoteDocument => ({
      root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [serializedParagraph([serializedText(text)])] },
    });
    await page.evaluate(
      async ({ withText }) => {
        const { note } = await window.api.notes.cite({
          sourceId: 'seed-000',
          quote: 'appointed by President Xi in 2016',
          newNoteTitle: 'Beta: appointments',
        });
        await window.api.notes.create({ title: 'Alpha: open questions' });
        const gamma = await window.api.notes.create({ title: 'Gamma: sources to read' });
        await window.api.notes.save({ id: gamma.id, document: withText });
        return note.id;
      },
      { withText: document('Who did President Xi appoint, and when?') },
    );
    await home(page, '#/notes');
    const rows = page.locator('.note-table tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.first().locator('time').first()).toBeVisible();
    await expect(page.locator('.note-table tr', { hasText: 'Gamma' }).locator('.note-excerpt')).toHaveText(
      'Who did President Xi appoint, and when?',
    );

    const title = page.getByRole('columnheader', { name: 'Title' });
    await title.getByRole('button').click();
    await expect(title).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.locator('.note-list-title')).toHaveText(['Alpha: open questions', 'Beta: appointments', 'Gamma: sources to read']);
    const citations = page.getByRole('columnheader', { name: 'Citations' });
    await citations.getByRole('button').click();
    await expect(citations).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.first().locator('.note-list-title')).toHaveText('Beta: appointments');

    await page.getByLabel('Filter notes').fill('president appoint');
    await expect(rows.locator('.note-list-title')).toHaveText(['Gamma: sources to read']);
    await page.reload();
    await expect(page.getByRole('columnheader', { name: 'Citations' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByLabel('Filter notes')).toHaveValue('president appoint');
    await expect(rows).toHaveCount(1);
  });
});
