import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { EntityPanel } from './pages/EntityPanel';
import { NotePage } from './pages/NotePage';
import { ReaderPage } from './pages/ReaderPage';

const NOTES = `Field notes

The envoy Harriet Quillfeather met officials in the capital on Monday.

Later Quillfeather flew home.
`;

test('an analyst makes an entity from words selected in the reader; the passage then shows the mention', async ({
  app,
  notebookPage: page,
}) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-create-')), 'field-notes.txt');
  fs.writeFileSync(file, NOTES);
  const imported = await app.cli(['import', file, '--json']);
  const sourceId = (JSON.parse(imported.stdout) as { imported: { sourceId: string }[] }).imported[0]!.sourceId;
  await page.goto(page.url().split('#')[0] + `#/source/${sourceId}`);
  const reader = new ReaderPage(page);
  const passage = reader.passages.filter({ hasText: 'Harriet Quillfeather' });
  const ordinal = await passage.getAttribute('data-ordinal');
  await new NotePage(page).selectInPassage(Number(ordinal), ' Harriet Quillfeather ');

  // From the context menu: the name comes prefilled (without the spaces caught by the drag).
  const box = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'New entity from selection…' }).click();
  const form = page.getByRole('dialog', { name: 'New entity from selection' });
  await expect(form.getByLabel('Name')).toHaveValue('Harriet Quillfeather');
  await form.getByLabel('Type').selectOption('person');
  await form.getByRole('button', { name: 'Create and link' }).click();

  const panel = new EntityPanel(page);
  await expect(panel.name).toHaveText('Harriet Quillfeather');
  await expect(page).toHaveURL(/entity=harriet-quillfeather/);
  // The selected words, and (by the linker's rules for a person) the family name alone later on.
  await expect(reader.mentions('harriet-quillfeather')).toHaveText(['Harriet Quillfeather', 'Quillfeather']);
  await expect(panel.root.locator('.entity-history li').first()).toContainText('Linked "Harriet Quillfeather" to "Harriet Quillfeather"');

  // With the keyboard: select, then E; Escape leaves it.
  await new NotePage(page).selectInPassage(Number(ordinal), 'the capital');
  await page.keyboard.press('e');
  await expect(form.getByLabel('Name')).toHaveValue('the capital');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
});

test('an analyst makes an entity from "@" in a note, and the note mentions it', async ({ notebookPage: page }) => {
  const notes = new NotePage(page);
  await notes.newNote();
  await notes.title.fill('Contacts');
  await notes.title.press('Enter');
  await notes.type('Met ');
  await page.keyboard.type('@Ministry of Quiet Affairs');
  const rows = page.locator('.typeahead-menu li');
  // Nothing is called that: the last row offers to create it, as an organisation by its words.
  await expect(rows.last()).toHaveText('Create entity “Ministry of Quiet Affairs” new organisation');
  await rows.last().click();
  const mention = notes.content.locator('.note-mention[data-entity-id="ministry-of-quiet-affairs"]');
  await expect(mention).toHaveText('Ministry of Quiet Affairs');
  await notes.waitSaved();

  // An existing name offers no such row.
  await page.keyboard.type(' and @Chen Wenqing');
  await expect(rows.first()).toContainText('Chen Wenqing');
  await expect(rows.filter({ hasText: 'Create entity' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.goto(page.url().split('#')[0] + '#/entities?entity=ministry-of-quiet-affairs');
  const panel = new EntityPanel(page);
  await expect(panel.name).toHaveText('Ministry of Quiet Affairs');
  await expect(panel.root.locator('.entity-notes')).toContainText('Contacts');
});
