import type { Locator, Page } from '@playwright/test';

/** The Ctrl/Cmd-K palette and the full search view share their result markup. */
export class SearchPalette {
  readonly root: Locator;
  readonly input: Locator;
  readonly hits: Locator;
  readonly selected: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Search' });
    this.input = this.root.getByRole('combobox');
    this.hits = this.root.locator('.search-hit');
    this.selected = this.root.locator('.search-hit[aria-selected="true"]');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.input.waitFor();
  }

  group(kind: 'passage' | 'source' | 'entity' | 'note'): Locator {
    return this.root.locator(`.search-group[data-kind="${kind}"]`);
  }
}

export class SearchView {
  readonly root: Locator;
  readonly input: Locator;
  readonly hits: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Search' });
    this.input = this.root.getByRole('combobox', { name: 'Search query' });
    this.hits = this.root.locator('.search-hit');
  }

  filter(label: string): Locator {
    return this.root.getByLabel(label);
  }
}
