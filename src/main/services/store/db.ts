import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { backupBeforeMigration } from './backup';
import { openSqlite } from './driver';
import { asStoreError } from './errors';
import { migrations as allMigrations, type Migration } from './migrations';
import { tightenFile, tightenFolder } from './permissions';

export type Db = Database.Database;

export const DATABASE_FILE = 'notebook.sqlite';
/** A new notebook is built under this name and renamed into place only once it is whole. */
const CREATING_SUFFIX = '.creating';

/**
 * How long one statement waits for another process's write lock before giving up. Short on
 * purpose: better-sqlite3 waits synchronously, so a long wait would freeze the thread that serves
 * the window. Writes that find the lock taken are retried asynchronously by `dispatch`.
 */
export const BUSY_TIMEOUT_MS = 20;
/** While opening (migrations, first seed) nothing is being served yet, so waiting longer is fine. */
const OPEN_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Electron cannot load the Node build of the addon; its shell passes a separate build here. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Copy the notebook into its backups folder before a migration changes it (on by default). */
  backupBeforeMigration?: boolean;
}

/**
 * A brand-new notebook is created under a temporary name, private (0600) from its first byte,
 * given its schema, and only then renamed to notebook.sqlite: the real name never holds half a
 * database, so an empty notebook.sqlite can only mean damage, never "new".
 */
function createNotebookFile(file: string, options: OpenOptions): void {
  const temp = file + CREATING_SUFFIX;
  fs.rmSync(temp, { force: true });
  fs.closeSync(fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600));
  try {
    const db = openSqlite(temp, { nativeBinding: options.nativeBinding });
    try {
      db.pragma('journal_mode = DELETE');
      migrate(db, options.migrations ?? allMigrations);
    } finally {
      db.close();
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function checkNotEmpty(file: string): void {
  const size = fs.statSync(file).size;
  const wal = fs.statSync(file + '-wal', { throwIfNoEntry: false });
  if (size === 0 && !(wal && wal.size > 0)) {
    throw new ApiError(
      'corrupt',
      `The notebook file ${file} is empty (0 bytes): it was damaged, and it is kept as it is. ` +
        'Restore a backup with "sourcebook restore", or move the file away to start a new notebook.',
    );
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Existing notebooks made before this check get the same privacy: folder 0700, files 0600.
    tightenFolder(dir);
    if (!fs.existsSync(file)) createNotebookFile(file, options);
    checkNotEmpty(file);
    for (const suffix of ['', '-wal', '-shm']) tightenFile(file + suffix);
  }
  let db: Db;
  try {
    db = openSqlite(file, { nativeBinding: options.nativeBinding, fileMustExist: onDisk });
  } catch (error) {
    throw ApiError.from(asStoreError(error, `Opening the notebook at ${file}`));
  }
  try {
    // WAL + FULL: a commit reported to the user has reached the disk, and readers never block the writer.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    const list = options.migrations ?? allMigrations;
    if (onDisk && options.backupBeforeMigration !== false) backupBeforeMigration(db, file, list.at(-1)?.version ?? 0);
    migrate(db, list);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    const mapped = asStoreError(error, `Opening the notebook at ${file}`);
    throw mapped instanceof ApiError ? mapped : error;
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

/**
 * What a clean exit does: fold the write-ahead log back into the database file (so the notebook
 * is one self-contained file again), then close. Another process still reading keeps its WAL;
 * that is not an error.
 */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.memory && !db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy or read-only: SQLite checkpoints again on the last close.
  }
  db.close();
}
