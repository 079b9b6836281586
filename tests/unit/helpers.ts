import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openNotebook, type Notebook, type NotebookOptions } from '../../src/main/services/notebook';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESOURCES = path.join(ROOT, 'resources');

export function tempDir(prefix = 'sourcebook-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh seeded notebook in its own folder; call close() in afterEach. */
export function freshNotebook(options: Partial<NotebookOptions> = {}): Notebook & { dataDir: string } {
  const dataDir = tempDir();
  return Object.assign(openNotebook({ dataDir, resourcesDir: RESOURCES, backups: 'off', ...options }), { dataDir });
}
