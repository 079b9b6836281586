import { _electron as electron } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test, expect, ROOT } from './fixtures';

function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const nativeSqlite = path.join(ROOT, 'native', 'electron', 'better_sqlite3.node');
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY;
const skipReason = !binary
  ? 'Electron binary is not installed (its download host is unreachable here); the loopback shell tests cover the same renderer and services'
  : !fs.existsSync(nativeSqlite)
    ? 'better-sqlite3 has no Electron build yet: run `npm run rebuild:electron`'
    : !hasDisplay
      ? 'no display to open an Electron window on'
      : undefined;

test.describe('the desktop window', () => {
  test.skip(!!skipReason, skipReason);

  test('opens the library in a sandboxed, isolated window that cannot navigate away', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-electron-'));
    const app = await electron.launch({ args: [ROOT], env: { ...process.env, SOURCEBOOK_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('.source-table tbody tr')).toHaveCount(5);
      // With contextIsolation and sandbox the page sees neither Node nor Electron, only window.api.
      expect(
        await page.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      expect(await page.evaluate(() => Object.keys(window.api).sort())).toContain('sources');
      const before = page.url();
      // Wait for the shell to have decided on the navigation (its will-navigate handler runs before this
      // listener, added later), not for time. The listener is in place before the page tries.
      await app.evaluate(({ BrowserWindow }) => {
        const seen = new Promise<string>((resolve) =>
          BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (_event, url) => resolve(url)),
        );
        (globalThis as { navigationSeen?: Promise<string> }).navigationSeen = seen;
      });
      await page.evaluate(() => window.location.assign('https://example.com/'));
      expect(await app.evaluate(() => (globalThis as { navigationSeen?: Promise<string> }).navigationSeen)).toBe('https://example.com/');
      await expect(page.locator('.source-table tbody tr')).toHaveCount(5);
      expect(page.url()).toBe(before);
    } finally {
      await app.close();
    }
  });
});
