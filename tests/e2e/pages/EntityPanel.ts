import type { Locator, Page } from '@playwright/test';

export class EntityPanel {
  readonly root: Locator;
  readonly name: Locator;
  readonly mentions: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.entity-panel');
    this.name = this.root.locator('h2');
    this.mentions = this.root.locator('.mention-context');
  }

  async followMention(index: number): Promise<void> {
    await this.mentions.nth(index).click();
    await this.page.locator('.passage.target').waitFor();
  }

  async close(): Promise<void> {
    await this.root.getByRole('link', { name: 'Close entity panel' }).click();
  }
}
