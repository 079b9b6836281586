import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EntityPanel } from './pages/EntityPanel';

const openEntity = async (page: Page, id: string) => {
  await page.goto(page.url().split('#')[0] + `#/entities?entity=${id}`);
  const panel = new EntityPanel(page);
  await panel.name.waitFor();
  return panel;
};
const history = (page: Page) => page.locator('.entity-history li');

test.describe('an analyst works on entities', () => {
  test('adds an alias, sees it in the history, and undoes it', async ({ notebookPage: page }) => {
    const panel = await openEntity(page, 'mss');
    await panel.root.getByText('Edit entity').click();
    await panel.root.getByLabel('New alias').fill('Guoanbu');
    await panel.root.getByRole('button', { name: 'Add alias' }).click();
    await expect(panel.root.locator('.aliases')).toContainText('Guoanbu');
    await expect(history(page).first()).toContainText('Added alias "Guoanbu" to "Ministry of State Security"');
    await history(page).first().getByRole('button', { name: 'Undo' }).click();
    await expect(panel.root.locator('.aliases')).not.toContainText('Guoanbu');
    await expect(history(page).first()).toContainText('(undone)');
  });

  test('unlinks one mention, which stays unlinked after a reload, and undoes it', async ({ notebookPage: page }) => {
    const panel = await openEntity(page, 'beijing');
    const before = await panel.mentions.count();
    expect(before).toBeGreaterThan(1);
    await panel.root.locator('.mention-source .unlink').first().click();
    await expect(panel.mentions).toHaveCount(before - 1);
    await page.reload();
    await expect(panel.mentions).toHaveCount(before - 1);
    await expect(history(page).first()).toContainText('Unlinked');
    await history(page).first().getByRole('button', { name: 'Undo' }).click();
    await expect(panel.mentions).toHaveCount(before);
  });

  test('merges the FBI into the CIA: mentions and names move, the old id still opens it, undo parts them', async ({
    notebookPage: page,
  }) => {
    // Counted once each panel shows its own entity and its mentions have arrived.
    const counted = async (id: string, name: string) => {
      const shown = await openEntity(page, id);
      await expect(shown.name).toHaveText(name);
      await shown.mentions.first().waitFor();
      return shown.mentions.count();
    };
    const fbi = await counted('fbi', 'FBI');
    const cia = await counted('cia', 'CIA');
    const panel = new EntityPanel(page);
    await openEntity(page, 'fbi');
    await panel.root.getByText('Edit entity').click();
    await panel.root.getByLabel('Merge into (name or id)').fill('CIA');
    await panel.root.getByRole('button', { name: 'Merge' }).click();
    await expect(page).toHaveURL(/entity=cia/);
    await expect(panel.name).toHaveText('CIA');
    await expect(panel.mentions).toHaveCount(cia + fbi);
    await expect(panel.root.locator('.aliases')).toContainText('FBI');
    await openEntity(page, 'fbi');
    await expect(panel.name).toHaveText('CIA');
    await history(page).first().getByRole('button', { name: 'Undo' }).click();
    // Undone, the FBI is itself again, and the CIA keeps only its own.
    await expect(panel.name).toHaveText('FBI');
    await expect(panel.mentions).toHaveCount(fbi);
    await openEntity(page, 'cia');
    await expect(panel.mentions).toHaveCount(cia);
    await expect(panel.root.locator('.aliases')).not.toContainText('FBI');
  });

  test('filters and sorts the entity list, as a table', async ({ notebookPage: page }) => {
    await page.goto(page.url().split('#')[0] + '#/entities?layout=table&sort=name');
    await page.getByLabel('Filter entities').fill('ministry');
    const names = page.locator('.entity-table tbody tr td:first-child a');
    await expect(names.first()).toBeVisible();
    const list = await names.allInnerTexts();
    expect(list.length).toBeGreaterThan(1);
    expect(list).toEqual([...list].sort((a, b) => a.localeCompare(b)));
    // The link's choice is kept in the settings and leaves the URL; the headings sort, twice turns round.
    await expect(page).not.toHaveURL(/sort=/);
    const mentions = page.getByRole('columnheader', { name: 'Mentions' });
    await mentions.getByRole('button').click();
    await expect(mentions).toHaveAttribute('aria-sort', 'descending');
    const counts = async () => (await page.locator('.entity-table tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
    await expect
      .poll(async () => {
        const c = await counts();
        return c.length > 1 && c.every((n, i) => i === 0 || c[i - 1]! >= n);
      })
      .toBe(true);
    await mentions.getByRole('button').click();
    await expect(mentions).toHaveAttribute('aria-sort', 'ascending');
    await expect
      .poll(async () => {
        const c = await counts();
        return c.every((n, i) => i === 0 || c[i - 1]! <= n);
      })
      .toBe(true);
    // Kept across a reload, filter words included.
    await page.reload();
    await expect(page.getByRole('columnheader', { name: 'Mentions' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByLabel('Filter entities')).toHaveValue('ministry');
  });
});

test.describe('an analyst explores the graph and the timeline', () => {
  test('opens the passages of a link from the graph, and an entity from a node', async ({ notebookPage: page }) => {
    await page.getByRole('link', { name: 'Graph' }).first().click();
    const canvas = page.locator('canvas.graph-canvas');
    await expect(canvas).toBeVisible();
    await page.getByRole('list', { name: 'Strongest links' }).getByRole('button').first().click();
    const passages = page.locator('.edge-passages .mention-context');
    await expect(passages.first()).toBeVisible();
    await passages.first().click();
    await expect(page.locator('.passage.target')).toBeVisible();

    await page.goBack();
    await page.getByLabel('Organisations').check();
    await expect(page).toHaveURL(/types=organization/);
    await expect(canvas).toHaveAttribute('data-settled', 'true', { timeout: 60_000 });
    // The canvas says where it drew the busiest entity once the layout settled; a click there opens it.
    const hub = await canvas.evaluate((el) => ({ ...el.dataset }));
    await canvas.click({ position: { x: Number(hub.hubX), y: Number(hub.hubY) } });
    await expect(page).toHaveURL(new RegExp(`entity=${hub.hubId}`));
    await expect(page.locator('.entity-panel h2')).toBeVisible();
  });

  test('opens a dated passage from the timeline, filtered by entity', async ({ notebookPage: page }) => {
    await page.getByRole('link', { name: 'Timeline' }).first().click();
    await expect(page.locator('.timeline-item').first()).toBeVisible();
    await page.getByLabel('Entity', { exact: true }).selectOption('mss');
    await expect(page).toHaveURL(/of=mss/);
    const stated = page.locator('.timeline-item[data-kind="stated"] a');
    await expect(stated.first()).toBeVisible();
    await stated.first().click();
    await expect(page.locator('.passage.target')).toBeVisible();
  });
});

test('downloads the entities, the graph as shown and the timeline as shown from the app', async ({ notebookPage: page }) => {
  const go = (hash: string) => page.goto(page.url().split('#')[0] + hash);
  const save = async (group: string, button: string) => {
    const exports = page.getByRole('group', { name: group });
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: button }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-e2e-entities-')), download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), status: exports.getByRole('status') };
  };

  await go('#/entities');
  const listed = (await page.evaluate(() => window.api.entities.list({}))).length;
  const entities = await save('Export every entity', 'Entities CSV');
  expect(entities.name).toBe('entities.csv');
  expect(entities.text.split('\n')[0]).toBe('id,type,name,aliases,description,date,mentions,sources');
  expect(entities.text.trimEnd().split('\n')).toHaveLength(listed + 1);
  await expect(entities.status).toHaveText(`Saved entities.csv: ${listed} entities.`);

  // The graph as its filters show it: people only.
  await go('#/graph?types=person');
  await expect(page.locator('.graph-view .status').first()).toContainText('entities');
  const graphml = await save('Export the graph as shown', 'GraphML');
  expect(graphml.name).toBe('entity-graph.graphml');
  const types = [...graphml.text.matchAll(/<data key="type">([^<]*)<\/data>/g)].map((m) => m[1]);
  expect(types.length).toBeGreaterThan(1);
  expect(new Set(types)).toEqual(new Set(['person']));
  expect(graphml.text).toContain('<edge source=');

  // The timeline as shown: the items about the MSS.
  await go('#/timeline?of=mss');
  await expect(page.locator('.timeline-item').first()).toBeVisible();
  const timeline = await save('Export the timeline as shown', 'CSV');
  const rows = timeline.text.trimEnd().split('\n');
  expect(rows[0]).toBe('date,kind,label,source_id,passage,entities');
  expect(rows.length).toBe((await page.locator('.timeline-item').count()) + 1);
});

test('the CLI edits entities and exports them, their graph and the timeline', async ({ app }) => {
  const made = await app.cli(['entity', 'create', 'Zhou', 'Zebrafinch', '--type', 'person', '--alias', 'Z. Zebrafinch', '--json']);
  expect(made.code).toBe(0);
  expect(JSON.parse(made.stdout)).toMatchObject({ id: 'zhou-zebrafinch', aliases: ['Z. Zebrafinch'] });
  expect((await app.cli(['entity', 'alias', 'remove', 'zhou-zebrafinch', 'Z. Zebrafinch'])).code).toBe(0);
  const history = JSON.parse((await app.cli(['entity', 'history', 'zhou-zebrafinch', '--json'])).stdout) as { action: string }[];
  expect(history.map((h) => h.action)).toEqual(['alias-remove', 'create']);
  const csv = await app.cli(['entities', '--format', 'csv']);
  expect(csv.stdout.split('\n')[0]).toBe('id,type,name,aliases,description,date,mentions,sources');
  expect(csv.stdout).toContain('zhou-zebrafinch,person,Zhou Zebrafinch');
  const graphml = await app.cli(['graph', '--graphml', '--type', 'person,organization']);
  expect(graphml.stdout).toContain('<graphml');
  expect(graphml.stdout).toContain('<edge source=');
  const timeline = await app.cli(['timeline', '--csv', '--entity', 'MSS']);
  expect(timeline.stdout.split('\n')[0]).toBe('date,kind,label,source_id,passage,entities');
  expect((await app.cli(['entity', 'merge', 'fbi', '--into', 'nobody-here'])).code).not.toBe(0);
});
