// Builds better-sqlite3 for Electron into native/electron/, leaving the Node build that the CLI,
// the loopback shell and the tests use untouched. The build happens in a copy because a failed
// in-place rebuild (as @electron/rebuild does) deletes the working Node addon.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
// npm sets npm_execpath to its own CLI when it runs a script; node-gyp ships beside it.
const npmCli = process.env.npm_execpath;
const nodeGyp = npmCli && path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
if (!nodeGyp || !fs.existsSync(nodeGyp)) throw new Error('run this through `npm run rebuild:electron` so npm can lend its node-gyp');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-electron-sqlite-'));
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
console.log(`rebuild-electron: building better-sqlite3 for Electron ${electronVersion} in ${work}`);
execFileSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: '' },
  },
);
const out = path.join(root, 'native', 'electron');
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(out, 'better_sqlite3.node'));
console.log(`rebuild-electron: wrote ${path.relative(root, path.join(out, 'better_sqlite3.node'))}`);
