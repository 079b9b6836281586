import type { Locator, Page } from '@playwright/test';

export class ReaderPage {
  readonly passages: Locator;
  readonly targetPassage: Locator;

  constructor(readonly page: Page) {
    this.passages = page.locator('.passages .passage');
    this.targetPassage = page.locator('.passage.target');
  }

  passage(ordinal: number): Locator {
    return this.page.locator(`.passage[data-ordinal="${ordinal}"]`);
  }

  mentions(entityId?: string): Locator {
    return this.page.locator(entityId ? `.passages .mention[data-entity-id="${entityId}"]` : '.passages .mention');
  }

  async clickMention(entityId: string, index = 0): Promise<void> {
    await this.mentions(entityId).nth(index).click();
    await this.page.locator('.entity-panel h2').waitFor();
  }
}
