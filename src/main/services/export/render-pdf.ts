import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../../shared/errors';
import { findChromium, OFFLINE_CHROMIUM_ARGS, rootSandboxArgs } from '../browser/chromium';
import { cdpOverPipe, type CdpSession } from './cdp-pipe';
import { PAGED_DONE } from './render-print';
import { PDF_TEMP_PREFIX } from './pdfTemp';

export { findChromium };

/** Temporary folders are named with the process id, so a later start can tell a crashed run's leftovers. */
export { PDF_TEMP_PREFIX };

/** Turns the self-contained print page (render-print.ts) into PDF bytes; the Electron shell passes its own. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/** PDF export waits this long for layout and printing; a report of hundreds of pages takes seconds. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * Prints with the system Chromium in headless mode, in a throw-away profile so a running browser's
 * profile lock never interferes, started with the project's offline flags and driven over a pipe:
 * it loads the page from a file, waits until Paged.js has laid out the pages (footnotes at the
 * foot, page numbers), and prints at the page size the page's CSS asks for.
 */
export function chromiumPrintToPdf(browser = findChromium(), timeoutMs = PRINT_TIMEOUT_MS): PrintToPdf {
  return async (html) => {
    if (!browser)
      throw new ApiError('internal', 'PDF export needs Chromium or Chrome: none was found (set SOURCEBOOK_BROWSER to its path).');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PDF_TEMP_PREFIX}${process.pid}-`));
    const input = path.join(dir, 'report.html');
    fs.writeFileSync(input, html);
    const args = [
      '--headless',
      ...OFFLINE_CHROMIUM_ARGS,
      '--remote-debugging-pipe',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      ...rootSandboxArgs(),
      'about:blank',
    ];
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
    const started = new Promise<never>((_, reject) =>
      child.on('error', (error) => reject(new ApiError('internal', `Could not start ${browser} for PDF export: ${error.message}`))),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ApiError('internal', `PDF export took longer than ${timeoutMs / 1000} s and was stopped.`)),
        timeoutMs,
      );
    });
    const cdp = cdpOverPipe(child);
    const print = async (): Promise<Uint8Array> => {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      await cdp.send('Page.enable', {}, sessionId);
      const loaded = cdp.once('Page.loadEventFired', sessionId);
      await cdp.send('Page.navigate', { url: pathToFileURL(input).href }, sessionId);
      await loaded;
      const { result } = await cdp.send<{ result: { value?: { pages?: number; error?: string } } }>(
        'Runtime.evaluate',
        { expression: `window.${PAGED_DONE}`, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (!result.value || result.value.error)
        throw new Error(`page layout failed: ${result.value?.error ?? 'the layout script did not run'}`);
      const { data } = await cdp.send<{ data: string }>(
        'Page.printToPDF',
        {
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          marginTop: 0,
          marginBottom: 0,
          marginLeft: 0,
          marginRight: 0,
        },
        sessionId,
      );
      return new Uint8Array(Buffer.from(data, 'base64'));
    };
    try {
      return await Promise.race([print(), started, timedOut]);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const detail = stderr.trim().split('\n').slice(-3).join(' ');
      throw new ApiError('internal', `PDF export failed: ${(error as Error).message}${detail ? `. ${detail}` : ''}`);
    } finally {
      clearTimeout(timer);
      await stopBrowser(child, cdp);
      await removeTempFolder(dir);
    }
  };
}

/** How long a browser asked to close may take before it is killed. */
const CLOSE_GRACE_MS = 10_000;

/**
 * Asks the browser to close (it flushes and closes its profile and helper processes), kills it
 * if it does not within the grace period, and returns only once the process has exited, so its
 * profile folder is no longer being written when it is removed.
 */
async function stopBrowser(child: ChildProcess, cdp: CdpSession): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return cdp.close();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void cdp.send('Browser.close').catch(() => undefined);
  let grace: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    grace = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, CLOSE_GRACE_MS);
  });
  await Promise.race([exited, killed]);
  clearTimeout(grace);
  await exited;
  cdp.close();
}

/**
 * Removes the print folder. A helper process of the browser may still be writing its profile for
 * a moment after the browser exits (ENOTEMPTY while the folder is emptied), so removal is retried;
 * if it still fails, the folder is left for the next run's first export to remove (it is named with this
 * process's id): cleanup never fails an export that produced its PDF.
 */
export async function removeTempFolder(dir: string): Promise<void> {
  try {
    await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 100 });
  } catch {
    // Left for removeDeadProcessFolders at the next run's first export.
  }
}
