import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { findChromium, OFFLINE_CHROMIUM_ARGS, rootSandboxArgs } from '../browser/chromium';

export { findChromium };

/** Temporary folders are named with the process id, so a later start can tell a crashed run's leftovers. */
export const PDF_TEMP_PREFIX = 'sourcebook-pdf-';

/** Turns a self-contained HTML page into PDF bytes; the Electron shell passes printToPDF instead. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/**
 * Prints with the system Chromium in headless mode, in a throw-away profile so a running browser's
 * profile lock never interferes, with networking off; the HTML it prints references nothing remote.
 */
export function chromiumPrintToPdf(browser = findChromium(), timeoutMs = 60_000): PrintToPdf {
  return async (html) => {
    if (!browser)
      throw new ApiError('internal', 'PDF export needs Chromium or Chrome: none was found (set SOURCEBOOK_BROWSER to its path).');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PDF_TEMP_PREFIX}${process.pid}-`));
    try {
      const input = path.join(dir, 'report.html');
      const output = path.join(dir, 'report.pdf');
      fs.writeFileSync(input, html);
      const args = [
        '--headless',
        '--disable-gpu',
        ...OFFLINE_CHROMIUM_ARGS,
        '--no-pdf-header-footer',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        `--print-to-pdf=${output}`,
        ...rootSandboxArgs(),
        `file://${input}`,
      ];
      await new Promise<void>((resolve, reject) => {
        const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new ApiError('internal', `Could not start ${browser} for PDF export: ${error.message}`));
        });
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          if (code === 0 && fs.existsSync(output)) resolve();
          else
            reject(
              new ApiError(
                'internal',
                `PDF export failed: ${browser} exited with ${signal ?? code}. ${stderr.trim().split('\n').slice(-3).join(' ')}`,
              ),
            );
        });
      });
      return new Uint8Array(fs.readFileSync(output));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
