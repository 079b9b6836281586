import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace around every view: the note dock, toasts, the shortcut sheet, the find bar. */
export class Workspace {
  readonly dock: Locator;
  readonly toasts: Locator;
  readonly findBar: Locator;
  readonly sheet: Locator;

  constructor(readonly page: Page) {
    this.dock = page.locator('#note-dock');
    this.toasts = page.locator('.toast');
    this.findBar = page.getByRole('search', { name: 'Find in this view' });
    this.sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** Opens a view as a person would, from the sidebar. */
  async goTo(section: 'Library' | 'Search' | 'Entities' | 'Notes' | 'Review' | 'Export' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section, exact: true }).click();
  }

  /** Which element has the focus, described well enough for an assertion message. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return e ? `${e.tagName.toLowerCase()}.${e.className}#${e.id}` : 'none';
    });
  }
}

/** axe on the page as it stands: no violation of any impact (`exclude`: selectors another feature owns and answers for). */
export async function expectAccessible(page: Page, what: string, exclude: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${what}`).toEqual([]);
}
