import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../shared/errors';
import { PACKAGE_ROOT } from '../root';
import type { Runner } from './types';

function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined; // The package throws when its binary was never downloaded, as on offline machines.
  }
}

const hasDisplay = () => process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

export const openCommand: Runner = {
  async run(ctx, _, options) {
    // Loaded here, not at the top: every other command starts faster without them. Required, not
    // import()ed: bin/code-cache.cjs caches no bundle file with a dynamic import() in it.
    const load = createRequire(import.meta.url);
    const { spawn } = load('node:child_process') as typeof import('node:child_process');
    const readline = load('node:readline') as typeof import('node:readline');
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
    const shell = await startLoopbackShell({
      notebook,
      rendererDir,
      bridgeFile,
      port,
      // Scripts and tests learn that a window traded its launch link.
      onSession: () => ctx.json && ctx.out(JSON.stringify({ signedIn: true })),
    });
    const readyMs = Date.now() - started;
    // Load or build the search index now, in its worker, so the first search does not wait for it,
    // and warm its query code up: this command serves a person for a while.
    notebook.search.warmUp();
    const headless = process.env.SOURCEBOOK_OPEN_HEADLESS === '1';
    const browser = findChromium();
    const launching = !options['no-open'] && (hasDisplay() || headless) && !!browser;
    const link = () => shell.launchUrl();
    if (ctx.json)
      ctx.out(
        JSON.stringify({
          url: launching ? null : link(),
          origin: shell.origin,
          dataDir: ctx.dataDir,
          readyMs,
          seed: notebook.seed,
          health: notebook.health,
        }),
      );
    else {
      ctx.out(`Sourcebook is serving the notebook in ${ctx.dataDir}`);
      if (!launching) ctx.out(`Open: ${link()}`);
      if (!launching) ctx.out('The link works once, within a minute; press Enter here for a new one. Press Ctrl-C to stop.');
      else ctx.out('Press Ctrl-C to stop.');
    }
    if (!notebook.health.ok) ctx.err(`Warning: ${notebook.health.problem}`);

    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    if (launching) {
      const profile = path.join(ctx.dataDir, 'browser-profile');
      // The browser opens a private file (0600, in the 0700 notebook folder) that forwards it to a
      // one-time link: the link never appears in the browser's command line, which any local user can read.
      const page = pathToFileURL(shell.launchFile(ctx.dataDir)).href;
      const args = headless
        ? ['--headless', `--user-data-dir=${profile}`, ...OFFLINE_CHROMIUM_ARGS, ...rootSandboxArgs(), page]
        : [`--app=${page}`, `--user-data-dir=${profile}`, ...OFFLINE_CHROMIUM_ARGS, ...rootSandboxArgs()];
      const child = spawn(browser, args, { stdio: 'ignore', detached: false });
      child.on('exit', () => stop());
      process.once('exit', () => child.kill());
    } else if (!options['no-open'] && !ctx.json) {
      ctx.out(
        hasDisplay()
          ? 'No Chromium or Chrome found: open the link above in one.'
          : 'No display: open the link above in a browser on this machine.',
      );
    }

    // Each line on standard input asks for a new one-time link (Enter in a terminal; tests write a line).
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', () => {
      const url = link();
      ctx.out(ctx.json ? JSON.stringify({ url }) : `Open: ${url}`);
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await stopped;
    lines.close();
    process.stdin.destroy();
    await shell.close();
  },
};
