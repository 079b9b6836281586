import type { Locator, Page } from '@playwright/test';

/** The note editor (in the notes view or beside the reader) and the reader's Cite controls. */
export class NotePage {
  readonly pane: Locator;
  readonly title: Locator;
  readonly content: Locator;
  readonly status: Locator;
  readonly chips: Locator;

  constructor(readonly page: Page) {
    this.pane = page.locator('.note-pane');
    this.title = this.pane.getByLabel('Note title');
    this.content = this.pane.locator('.note-content');
    this.status = this.pane.locator('.save-status');
    this.chips = this.pane.locator('.citation-chip');
  }

  async waitSaved(): Promise<void> {
    await this.status.filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
  }

  /** The note dock's New note button: the note opens beside whatever view is showing. */
  async newNote(): Promise<void> {
    const before = await this.noteId().catch(() => null);
    await this.page.locator('.dock-bar .new-note-button').click();
    await this.page.locator(`.note-pane[data-note-id]:not([data-note-id="${before}"])`).waitFor();
    await this.content.waitFor();
  }

  /** The id of the note open in the dock. */
  async noteId(): Promise<string> {
    const id = await this.pane.getAttribute('data-note-id', { timeout: 2_000 });
    if (!id) throw new Error('no note is open');
    return id;
  }

  async type(text: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }

  /** Selects `words` inside passage ¶ordinal of the open reader, as a mouse would. */
  async selectInPassage(ordinal: number, words: string): Promise<void> {
    await this.page.evaluate(
      ({ ordinal, words }) => {
        const container = document.querySelector(`.passage[data-ordinal="${ordinal}"] [data-passage-text]`);
        if (!container) throw new Error(`no passage ${ordinal}`);
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const full = nodes.map((n) => n.data).join('');
        const at = full.indexOf(words);
        if (at < 0) throw new Error(`"${words}" not in passage ${ordinal}`);
        const locate = (offset: number): [Text, number] => {
          for (const n of nodes) {
            if (offset <= n.data.length) return [n, offset];
            offset -= n.data.length;
          }
          throw new Error('offset out of range');
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + words.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      { ordinal, words },
    );
  }
}
