import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('.source-table tbody tr');
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Library' }).first().click();
    await this.rows.first().waitFor();
  }

  row(sourceId: string): Locator {
    return this.page.locator(`tr[data-source-id="${sourceId}"]`);
  }

  async openSource(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await this.page.locator('.passages').waitFor();
  }
}
