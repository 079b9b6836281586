import { defineConfig } from '@playwright/test';
import { OFFLINE_CHROMIUM_ARGS } from './src/main/services/browser/chromium';

const chromium = process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      // The project's one list of offline flags: no DNS lookup, no connection beyond loopback.
      args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
    },
    viewport: { width: 1400, height: 900 },
    trace: 'off',
  },
});
