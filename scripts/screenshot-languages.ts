// Text without spaces between words as a person sees it, at 1280×800 and 900×700 in the light
// theme and 1280×800 in the dark one. Chinese: a character typed alone, the MSS found by its
// Chinese alias (English passages marked through the mention), and the reader's find bar given
// traditional characters. Thai: words typed without spaces, the last unfinished, found inside a
// sentence; the reader with the MSS's Thai alias linked.
// Usage: npm run build && node --import tsx scripts/screenshot-languages.ts [outDir]
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, stopApp, type RunningApp } from '../tests/e2e/fixtures';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const VARIANTS = [
  { name: '1280x800', width: 1280, height: 800, theme: 'light' },
  { name: '900x700', width: 900, height: 700, theme: 'light' },
  { name: 'dark-1280x800', width: 1280, height: 800, theme: 'dark' },
] as const;

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function chinese(app: RunningApp, page: Page, variant: string): Promise<void> {
  const file = path.join(app.dataDir, 'mss-zh.txt');
  fs.writeFileSync(file, '國家安全部發布消息\n\n中华人民共和国国家安全部近日通报，境外间谍情报机关利用网络招募人员。\n');
  if ((await app.cli(['import', file])).code !== 0) throw new Error('import failed');
  if ((await app.cli(['entity', 'alias', 'add', 'mss', '国家安全部'])).code !== 0) throw new Error('alias failed');
  await page.goto(`${app.origin}/#/search`);
  await page.reload();
  const box = page.getByRole('combobox', { name: 'Search query' });
  const passages = page.locator('.search-group[data-kind="passage"] .search-hit');
  await box.fill('谍');
  await passages.first().locator('mark').waitFor();
  await shot(page, `chinese-${variant}-1-one-character`);
  await box.fill('国家安全部');
  await passages.filter({ hasText: 'MSS' }).first().waitFor();
  await shot(page, `chinese-${variant}-2-alias-finds-mentions`);
  await passages.filter({ hasText: '国家安全部' }).first().click();
  await page.waitForURL(/#\/source\//);
  await page.keyboard.press('Control+f');
  await page.getByRole('search', { name: 'Find in this view' }).waitFor();
  await page.keyboard.type('国家安全部');
  await page.locator('.find-count').filter({ hasText: /of/ }).waitFor();
  await shot(page, `chinese-${variant}-3-find-bar`);
}

async function thai(app: RunningApp, page: Page, variant: string): Promise<void> {
  const file = path.join(app.dataDir, 'mss-th.txt');
  fs.writeFileSync(file, 'ข่าวสายลับ\n\nนายหวังอี้กล่าวว่ากระทรวงความมั่นคงแห่งรัฐของจีนจับกุมสายลับ\n');
  if ((await app.cli(['import', file])).code !== 0) throw new Error('import failed');
  if ((await app.cli(['entity', 'alias', 'add', 'mss', 'กระทรวงความมั่นคงแห่งรัฐ'])).code !== 0) throw new Error('alias failed');
  await page.goto(`${app.origin}/#/search?q=${encodeURIComponent('ความมั่นคงแห่งรั')}`);
  await page.reload();
  const passages = page.locator('.search-group[data-kind="passage"] .search-hit');
  await passages.filter({ hasText: 'หวังอี้' }).locator('mark').first().waitFor();
  await shot(page, `thai-${variant}-1-typed-unfinished`);
  await passages.filter({ hasText: 'หวังอี้' }).click();
  await page.locator('.reader .mention[data-entity-id="mss"]').first().waitFor();
  await shot(page, `thai-${variant}-2-reader-alias-linked`);
}

try {
  for (const variant of VARIANTS) {
    for (const story of [chinese, thai]) {
      const app = await startApp();
      try {
        const page = await browser.newPage({ viewport: { width: variant.width, height: variant.height } });
        await page.goto(app.url);
        await page.evaluate((theme) => window.api.settings.update({ theme }), variant.theme);
        await story(app, page, variant.name);
        await page.close();
      } finally {
        await stopApp(app);
      }
    }
  }
} finally {
  await browser.close();
}
