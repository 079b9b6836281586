import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { EntityPanel } from './pages/EntityPanel';

const REPORT = `Party congress report

The Communist Party held its congress in the capital, and the delegates elected a new committee.

Later the Communist Party issued a statement on the budget.
`;

test('an analyst confirms and rejects possible mentions; the decisions hold after a new version of the source', async ({
  app,
  notebookPage: page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-possible-'));
  const file = path.join(dir, 'congress.txt');
  fs.writeFileSync(file, REPORT);
  const imported = await app.cli(['import', file, '--json']);
  expect(imported.code).toBe(0);
  const sourceId = (JSON.parse(imported.stdout) as { imported: { sourceId: string }[] }).imported[0]!.sourceId;

  await page.goto(page.url().split('#')[0] + '#/entities?entity=ccp');
  const panel = new EntityPanel(page);
  await expect(panel.name).toHaveText('Chinese Communist Party');
  const possible = panel.root.getByRole('region', { name: /possible mentions? to confirm/ });
  await expect(possible.getByRole('heading')).toHaveText('2 possible mentions to confirm');
  const inReport = panel.root.getByRole('region', { name: 'Party congress report' });
  await expect(inReport).toHaveCount(0);

  // The first is the party in question: confirmed, it becomes a mention like any other.
  await possible.getByRole('button', { name: 'Confirm', exact: true }).first().click();
  await expect(possible.getByRole('heading')).toHaveText('1 possible mention to confirm');
  await expect(inReport.locator('.mention-context')).toHaveCount(1);
  // The other is not: rejected, it is gone for good.
  await possible.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(possible).toHaveCount(0);
  const history = panel.root.locator('.entity-history li');
  await expect(history.nth(0)).toContainText('Rejected 1 possible mention(s) of "Chinese Communist Party"');
  await expect(history.nth(1)).toContainText('Confirmed 1 possible mention(s) of "Chinese Communist Party"');

  // A new version of the report (words added around both): both decisions still stand.
  fs.writeFileSync(file, REPORT.replace('The Communist Party held', 'Yesterday the Communist Party held').concat('\nEnd of report.\n'));
  expect((await app.cli(['import', file, '--new-version-of', sourceId])).code).toBe(0);
  await page.reload();
  await expect(panel.name).toHaveText('Chinese Communist Party');
  await expect(inReport.locator('.mention-context')).toHaveCount(1);
  await expect(inReport.locator('.mention-context')).toContainText('Yesterday the Communist Party held');
  await expect(possible).toHaveCount(0);

  // Undoing the rejection raises the question again; then both are rejected at once.
  await history.nth(0).getByRole('button', { name: 'Undo' }).click();
  await expect(possible.getByRole('heading')).toHaveText('1 possible mention to confirm');
  await history.nth(1).getByRole('button', { name: 'Undo' }).click();
  await expect(possible.getByRole('heading')).toHaveText('2 possible mentions to confirm');
  await possible.getByRole('button', { name: 'Reject all 2' }).click();
  await expect(possible).toHaveCount(0);
  await expect(inReport).toHaveCount(0);
});
