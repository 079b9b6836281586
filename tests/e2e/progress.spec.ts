import { test, expect } from './fixtures';

test('long work shows its progress in the sidebar while the app stays usable', async ({ notebookPage: page }) => {
  await page.locator('.source-table tbody tr').first().waitFor();
  const tray = page.getByRole('region', { name: 'Work in progress' });
  // The event stream connects shortly after load; ask again until the tray has heard one.
  await expect(async () => {
    await page.evaluate(() => window.api.search.rebuild({}));
    await expect(tray).toContainText('Indexing for search', { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
  await expect(tray.locator('progress').first()).toBeVisible();
  // The library stays responsive meanwhile.
  await page.getByRole('link', { name: 'Entities' }).click();
  await expect(page.getByRole('heading', { name: 'Entities' })).toBeVisible();
});
