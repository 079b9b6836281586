import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers';

// bin/code-cache.cjs, driven as the CLI drives it: a fresh Node process per run, a "bundle" folder
// with files named cli*.cjs, and the cache beside them. What must hold: a second run uses the cache,
// a changed file never runs its old code (even at the same length, which is all V8 itself checks),
// damaged cache data is harmless, a folder others may write is not used, and dynamic import() works.
const HOOK = path.join(ROOT, 'bin/code-cache.cjs');

function bundle(files: Record<string, string>): string {
  const dir = tempDir('sourcebook-code-cache-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Runs `entry` of the bundle in a new Node with the hook installed; returns what it printed. */
function run(dir: string, entry = 'cli.cjs'): string {
  const script = `require(${JSON.stringify(HOOK)}).useCodeCache(${JSON.stringify(dir)}, 'cli'); require(${JSON.stringify(path.join(dir, entry))});`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toBe(''); // no experimental warning, nothing else
  return result.stdout.trim();
}

const cacheFiles = (dir: string) => {
  const cache = path.join(dir, '.code-cache');
  return fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.v8')) : [];
};

describe('the command line code cache', () => {
  it('writes a private cache on the first run and reads it on the next, with the same result', () => {
    const dir = bundle({
      'cli.cjs': `const { twice } = require('./cli-part.cjs'); console.log(twice(21));`,
      'cli-part.cjs': `exports.twice = (n) => n * 2;`,
      'other.cjs': `exports.x = 1;`,
    });
    expect(run(dir)).toBe('42');
    expect(cacheFiles(dir).sort()).toEqual([expect.stringMatching(/^cli-part\.cjs\..+\.v8$/), expect.stringMatching(/^cli\.cjs\..+\.v8$/)]);
    expect(fs.statSync(path.join(dir, '.code-cache')).mode & 0o777).toBe(0o700);
    const written = cacheFiles(dir).map((f) => fs.statSync(path.join(dir, '.code-cache', f)).mtimeMs);
    expect(run(dir)).toBe('42');
    // Accepted, so not written again.
    expect(cacheFiles(dir).map((f) => fs.statSync(path.join(dir, '.code-cache', f)).mtimeMs)).toEqual(written);
  });

  it('never runs the old code of a file rebuilt at the same length', () => {
    const dir = bundle({ 'cli.cjs': `console.log('first');` });
    expect(run(dir)).toBe('first');
    const file = path.join(dir, 'cli.cjs');
    fs.writeFileSync(file, `console.log('again');`); // same length, new text
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(run(dir)).toBe('again');
  });

  it('treats damaged cache data as no cache', () => {
    const dir = bundle({ 'cli.cjs': `console.log('sound');` });
    expect(run(dir)).toBe('sound');
    for (const f of cacheFiles(dir)) fs.writeFileSync(path.join(dir, '.code-cache', f), 'not a code cache');
    expect(run(dir)).toBe('sound');
    expect(run(dir)).toBe('sound');
  });

  it('uses no cache folder that others may write to', () => {
    const dir = bundle({ 'cli.cjs': `console.log('ok');` });
    fs.mkdirSync(path.join(dir, '.code-cache'), { mode: 0o777 });
    fs.chmodSync(path.join(dir, '.code-cache'), 0o777);
    expect(run(dir)).toBe('ok');
    expect(cacheFiles(dir)).toEqual([]);
  });

  it('keeps dynamic import() working: a file with one is compiled by Node, uncached', () => {
    const dir = bundle({ 'cli.cjs': `import('node:os').then((os) => console.log(typeof os.cpus));` });
    expect(run(dir)).toBe('function');
    expect(run(dir)).toBe('function');
    expect(cacheFiles(dir)).toEqual([]);
  });
});
