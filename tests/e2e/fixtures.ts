import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** A fresh one-time launch link (`url` is the first, and works once). */
  newLink(): Promise<string>;
  /** Runs the CLI against the same notebook, as an analyst would in a terminal beside the app. */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export function runCli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/sourcebook.cjs'), ...args, '--data-dir', dataDir], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts the loopback shell on a fresh notebook folder, exactly as `sourcebook open --no-open` does. */
export async function startApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-e2e-'))): Promise<RunningApp> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sourcebook.cjs'), 'open', '--no-open', '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  lines.on('line', (line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (typeof parsed.url === 'string') waiting.shift()?.(parsed);
  });
  const nextUrl = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`sourcebook open exited (${code}): ${stderr}`)));
    });
  const info = (await nextUrl()) as { url: string; origin: string };
  return {
    url: info.url,
    origin: info.origin,
    dataDir,
    process: child,
    cli: (args) => runCli(args, dataDir),
    newLink: async () => {
      const next = nextUrl();
      child.stdin!.write('\n');
      return (await next).url as string;
    },
  };
}

export async function stopApp(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGTERM');
  await exited;
}

/**
 * Every test gets a fresh notebook and a page that has opened it. Any request that would leave
 * the loopback origin is blocked and recorded, and the test fails if there was one.
 */
export const test = base.extend<{ app: RunningApp; offsite: string[]; notebookPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await stopApp(app);
  },
  offsite: async ({ context, app }, use) => {
    const offsite: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(app.origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    await use(offsite);
    expect(offsite, 'requests that left the loopback origin').toEqual([]);
  },
  notebookPage: async ({ page, app, offsite }, use) => {
    void offsite;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.url);
    await use(page);
    expect(errors, 'errors in the page console').toEqual([]);
  },
});

export { expect };
