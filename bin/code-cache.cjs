'use strict';
// A V8 code cache for the CLI bundle's own files (out/main/cli*.cjs), so a command does not compile
// the same JavaScript again at every start: about a tenth of a command's time on this machine
// (`npm run bench:cli`). Node 22 has this built in (module.enableCompileCache), used when present;
// on Node 20 the bundle's files are compiled here through vm.Script, with the cache V8 made from
// the previous run (created after the command ran, so it holds the functions that ran too).
//
// The cache is only an optimisation: V8 rejects data made by another V8 or with other flags, and
// each file's cache is named by the file (size, time written, inode), because V8 itself compares
// only the source's length; otherwise the file is compiled as usual and the cache rewritten. It lives beside the bundle, in a folder only this user may write (a cache
// another user could plant would be code run as this user); otherwise nothing is cached.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** `import(` as a call, not a method named import (`index.import(…)`). */
const DYNAMIC_IMPORT = /(?:^|[^.\w$])import\(/;

/** The cache folder if it is safe to use: made private if missing, refused if others may write it. */
function privateFolder(dir) {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return null;
  }
  try {
    const stat = fs.lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    return stat.isDirectory() && mine && (stat.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
}

function writeAtomically(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/** Compiles the files of `bundleDir` whose names start with `prefix` through the cache in `bundleDir/.code-cache`. */
function useCodeCache(bundleDir, prefix) {
  const cacheDir = path.join(bundleDir, '.code-cache');
  if (typeof Module.enableCompileCache === 'function') {
    if (privateFolder(cacheDir)) Module.enableCompileCache(cacheDir);
    return;
  }
  if (!privateFolder(cacheDir)) return;
  const made = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (path.dirname(filename) !== bundleDir || !path.basename(filename).startsWith(prefix)) return compile.call(this, content, filename);
    // A script compiled from a cache loses its dynamic import() (Node 20 keeps the loader's hook in
    // the script, and the cache does not carry it over): a file with one is compiled by Node.
    if (DYNAMIC_IMPORT.test(content)) return compile.call(this, content, filename);
    // V8 checks only the source's length, not its text: a rebuilt file of the same length would
    // run the old code. The key is the file itself (size, time written, inode), as Python's .pyc.
    let stat;
    try {
      stat = fs.statSync(filename);
    } catch {
      return compile.call(this, content, filename);
    }
    const key = `${stat.size}-${Math.round(stat.mtimeMs)}-${stat.ino}`;
    const cacheFile = path.join(cacheDir, `${path.basename(filename)}.${key}.${process.arch}.v8`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      return compile.call(this, content, filename); // a syntax error: let Node report it as it always does
    }
    if (cachedData === undefined || script.cachedDataRejected) made.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, cacheFile } of made) writeAtomically(cacheFile, script.createCachedData());
  });
}

module.exports = { useCodeCache };
