import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'notebook.sqlite';

export interface OpenOptions {
  /** Electron cannot load the Node build of the addon; its shell passes a separate build here. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // WAL + FULL: a commit reported to the user has reached the disk, and readers never block the writer.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process holding the write lock gets a few seconds before we say the store is busy.
    db.pragma('busy_timeout = 3000');
    migrate(db, options.migrations ?? allMigrations);
  } catch (error) {
    db.close();
    if (error instanceof Error && /database is locked|SQLITE_BUSY/i.test(error.message)) {
      throw new ApiError('busy', `The notebook at ${file} is busy: another Sourcebook process is writing to it.`);
    }
    throw error;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`This notebook was written by a newer Sourcebook (schema ${current}, this one knows ${latest}).`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.prepare?.(db);
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
