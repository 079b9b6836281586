import type { Locator, Page } from '@playwright/test';

export class ImportPanel {
  readonly folderInput: Locator;
  readonly filesInput: Locator;
  readonly dropZone: Locator;
  readonly summary: Locator;
  readonly imported: Locator;
  readonly failures: Locator;

  constructor(readonly page: Page) {
    this.folderInput = page.getByTestId('import-folder-input');
    this.filesInput = page.getByTestId('import-files-input');
    this.dropZone = page.getByTestId('library-drop-zone');
    this.summary = page.locator('.import-summary');
    this.imported = page.locator('.import-imported > li');
    this.failures = page.locator('.import-failures > li');
  }

  failure(fileName: string): Locator {
    return this.failures.filter({ has: this.page.locator('.import-file-name', { hasText: fileName }) });
  }

  /** Drops files on the library as a browser would after a drag from the desktop. */
  async drop(files: { name: string; base64: string; type?: string }[]): Promise<void> {
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.type ?? '' }));
      }
      return dt;
    }, files);
    await this.dropZone.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.dropZone.dispatchEvent('drop', { dataTransfer: transfer });
  }
}
