import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Every SQLite connection in the app is opened here, with the addon's file named.
 *
 * Left to itself better-sqlite3 asks the `bindings` package, which tries a dozen paths (each a
 * failed require) before the usual one: about 10 ms of every CLI command's start-up. Naming it
 * also lets the CLI bundle better-sqlite3's JavaScript (vite.cli.config.ts), where `bindings`
 * could not find the addon at all. Electron cannot load the Node build of the addon; its shell
 * passes its own build as `nativeBinding`.
 */
let nodeBinding: string | null | undefined;
function defaultBinding(): string | undefined {
  if (nodeBinding === undefined) {
    try {
      const file = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
      nodeBinding = fs.existsSync(file) ? file : null;
    } catch {
      nodeBinding = null;
    }
  }
  return nodeBinding ?? undefined;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = options.nativeBinding ?? defaultBinding();
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}
