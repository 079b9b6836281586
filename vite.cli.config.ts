import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The packages a CommonJS bundle must carry inside it: those published only as ES modules. Node
 * 20 can `require()` them, but a default import then reads the module's namespace, not its default
 * export (approx-string-match's `search` would not be a function). Found from package.json, so a
 * new dependency is handled without a list to keep up to date; their own dependencies follow.
 */
function esModuleOnly(): string[] {
  const require = createRequire(import.meta.url);
  const packageJson = (name: string): Record<string, unknown> | null => {
    try {
      const main = require.resolve(name);
      let dir = dirname(main);
      while (!fs.existsSync(join(dir, 'package.json'))) dir = dirname(dir);
      return JSON.parse(fs.readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    } catch {
      return null; // a package with nothing for `require` to find (types only, or a CLI tool)
    }
  };
  const hasRequireCondition = (exports: unknown): boolean =>
    typeof exports === 'object' && exports !== null && JSON.stringify(exports).includes('"require"');
  const own = JSON.parse(fs.readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    const pkg = packageJson(name);
    if (!pkg || pkg.type !== 'module' || hasRequireCondition(pkg.exports)) return;
    found.add(name);
    for (const dep of Object.keys((pkg.dependencies as Record<string, string> | undefined) ?? {})) visit(dep);
  };
  for (const name of Object.keys(own.dependencies)) visit(name);
  return [...found];
}

/**
 * The `sourcebook` command: bundled on its own, as CommonJS, into out/main beside the workers it
 * starts (cli.cjs and cli-*.cjs chunks; services/workers.ts finds `<name>-worker.js` next to the
 * chunk that asks). A command runs once and exits, so start-up is most of its time, and Node 20
 * starts CommonJS faster than ES modules: no asynchronous loader, no module graph to link, and a
 * built-in module is not read in full (an ES import of node:fs loads the whole stream stack).
 * Minified: less to read and compile at each start. Measured by `npm run bench:cli`
 * (docs/benchmarks.md, "Command line").
 */
export default defineConfig({
  build: {
    outDir: 'out/main',
    // electron-vite has just written the main process here; this build adds to it.
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: 'cli.cjs', chunkFileNames: 'cli-[name]-[hash].cjs' },
    },
  },
  // zod is bundled so only the parts the contract uses are loaded, and better-sqlite3's JavaScript so
  // Node does not look for its dozen files one by one (store/driver.ts names the addon's file).
  // Other packages load from node_modules, except those published only as ES modules (above), and
  // opencc-js, whose dictionary files (`opencc-js/dict/…`, the one part we use) are ES modules
  // though the package has a CommonJS entry: required, they started Node's ES module loader on
  // every command (+40 ms).
  ssr: { noExternal: ['zod', 'better-sqlite3', 'opencc-js', ...esModuleOnly()] },
});
