import type { Download, Locator, Page } from '@playwright/test';

/** The Export view (#/export?notes=…): options, citation check, live preview, download. */
export class ExportPage {
  readonly preview: Locator;
  readonly check: Locator;
  readonly exportButton: Locator;

  constructor(private readonly page: Page) {
    this.preview = page.getByRole('article', { name: 'Preview' });
    this.check = page.getByRole('region', { name: 'Citation check' });
    this.exportButton = page.locator('.export-actions .primary');
  }

  async open(noteIds: string[]): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/export?notes=${noteIds.join(',')}`);
    await this.preview.waitFor();
  }

  async chooseFormat(format: string): Promise<void> {
    await this.page.locator('select[name="format"]').selectOption(format);
  }

  async chooseStyle(style: string): Promise<void> {
    await this.page.locator('select[name="style"]').selectOption(style);
  }

  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}
