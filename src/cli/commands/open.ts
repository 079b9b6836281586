import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { PACKAGE_ROOT } from '../root';
import type { Command } from './types';

function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined; // The package throws when its binary was never downloaded, as on offline machines.
  }
}

const hasDisplay = () => process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

export const openCommand: Command = {
  name: 'open',
  usage: 'open [--no-open] [--browser] [--port N] [--json]',
  summary: 'Open the notebook: the desktop window where Electron is installed, else the loopback shell in Chromium/Chrome.',
  options: {
    'no-open': { type: 'boolean', description: 'serve and print the URL without opening a window' },
    browser: { type: 'boolean', description: 'use the loopback shell even where Electron is installed' },
    port: { type: 'string', description: 'port for the loopback shell (default: random)' },
  },
  async run(ctx, _, options) {
    const electron = electronBinary();
    const builtMain = path.join(PACKAGE_ROOT, 'out', 'main', 'index.js');
    if (electron && hasDisplay() && !options['no-open'] && !options.browser && fs.existsSync(builtMain)) {
      const child = spawn(electron, [PACKAGE_ROOT], { stdio: 'inherit', env: { ...process.env, SOURCEBOOK_DATA_DIR: ctx.dataDir } });
      await new Promise<void>((resolve) => child.on('exit', () => resolve()));
      return;
    }

    const rendererDir = path.join(PACKAGE_ROOT, 'out', 'renderer');
    const bridgeFile = path.join(PACKAGE_ROOT, 'out', 'bridge', 'bridge.js');
    if (!fs.existsSync(path.join(rendererDir, 'index.html')) || !fs.existsSync(bridgeFile)) {
      throw new ApiError('unavailable', 'The app is not built yet: run `npm run build` first (scripts/setup.sh does it for you).');
    }
    // The loopback shell is loaded only by the one command that serves it: the others start faster.
    const [{ startLoopbackShell }, { findChromium, OFFLINE_CHROMIUM_ARGS, rootSandboxArgs }] = await Promise.all([
      import('../../main/loopback/server'),
      import('../../main/services/browser/chromium'),
    ]);
    const started = Date.now();
    const notebook = ctx.notebook();
    const port = options.port === undefined ? undefined : Number(options.port);
    const shell = await startLoopbackShell({ notebook, rendererDir, bridgeFile, port });
    const readyMs = Date.now() - started;
    // Load or build the search index now, in its worker, so the first search does not wait for it.
    notebook.search.status();
    if (ctx.json) ctx.out(JSON.stringify({ url: shell.url, origin: shell.origin, dataDir: ctx.dataDir, readyMs, seed: notebook.seed }));
    else {
      ctx.out(`Sourcebook is serving the notebook in ${ctx.dataDir}`);
      ctx.out(`Open: ${shell.url}`);
      ctx.out('Press Ctrl-C to stop.');
    }

    const browser = findChromium();
    if (!options['no-open'] && hasDisplay() && browser) {
      const profile = path.join(ctx.dataDir, 'browser-profile');
      const child = spawn(browser, [`--app=${shell.url}`, `--user-data-dir=${profile}`, ...OFFLINE_CHROMIUM_ARGS, ...rootSandboxArgs()], {
        stdio: 'ignore',
        detached: false,
      });
      child.on('exit', () => void shell.close().then(() => process.exit(0)));
    } else if (!options['no-open'] && !ctx.json) {
      ctx.out(
        hasDisplay()
          ? 'No Chromium or Chrome found: open the URL above in one.'
          : 'No display: open the URL above in a browser on this machine.',
      );
    }

    await new Promise<void>((resolve) => {
      const stop = () => void shell.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
