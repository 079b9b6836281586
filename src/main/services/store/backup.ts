import type Database from 'better-sqlite3';
import { openSqlite } from './driver';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { Db } from './db';
import { nodeCrypto } from '../nodeCrypto';

/**
 * Rolling backups of the notebook, in `<notebook folder>/backups`: one a day while the notebook is
 * used, one before every migration, one before every restore, and any the user asks for. Each is
 * a complete, consistent SQLite file (VACUUM INTO, or SQLite's online backup API), written under
 * a temporary name and renamed, private (0600). A few of each automatic kind are kept.
 */
export const BACKUP_FOLDER = 'backups';
export const BACKUP_KINDS = ['daily', 'before-migration', 'before-restore', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
const KEEP: Record<BackupKind, number> = { daily: 7, 'before-migration': 3, 'before-restore': 3, manual: Infinity };
const DAY_MS = 24 * 3600 * 1000;
const NAME = /^notebook-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+?)(?:-v\d+)?\.sqlite$/;

export interface BackupInfo {
  file: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export const backupsDir = (dbFile: string) => path.join(path.dirname(dbFile), BACKUP_FOLDER);

function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

export function backupPath(dbFile: string, kind: BackupKind, date = new Date(), version?: number): string {
  return path.join(backupsDir(dbFile), `notebook-${stamp(date)}-${kind}${version === undefined ? '' : `-v${version}`}.sqlite`);
}

/** Newest first. */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupsDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[2]!)) continue;
    const [date, time] = m[1]!.split('T') as [string, string];
    const [h, min, s, ms] = time.replace('Z', '').split('-');
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ file: path.join(dir, name), kind: m[2] as BackupKind, createdAt: `${date}T${h}:${min}:${s}.${ms}Z`, bytes: stat.size });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function prune(dbFile: string, kind: BackupKind): void {
  for (const old of listBackups(dbFile)
    .filter((b) => b.kind === kind)
    .slice(KEEP[kind])) {
    fs.rmSync(old.file, { force: true });
  }
}

const tempFor = (dest: string) => `${dest}.${nodeCrypto().randomBytes(6).toString('hex')}.partial`;

function finish(temp: string, dest: string): void {
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, dest);
}

function prepareFolder(dest: string): void {
  fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
}

/** A consistent copy, synchronously: for the CLI, before migrations and restores. */
export function vacuumInto(db: Db, dest: string): string {
  prepareFolder(dest);
  const temp = tempFor(dest);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    finish(temp, dest);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return dest;
}

/** A consistent copy through SQLite's online backup API, a few pages at a time: for the serving process. */
export async function backupOnline(db: Db, dest: string): Promise<string> {
  prepareFolder(dest);
  const temp = tempFor(dest);
  try {
    await db.backup(temp);
    finish(temp, dest);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return dest;
}

export function backupBeforeMigration(db: Db, dbFile: string, latest: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === 0 || current >= latest) return;
  vacuumInto(db, backupPath(dbFile, 'before-migration', new Date(), current));
  prune(dbFile, 'before-migration');
}

export function dailyBackupDue(dbFile: string, now = Date.now()): boolean {
  const newest = listBackups(dbFile).find((b) => b.kind === 'daily');
  return !newest || now - Date.parse(newest.createdAt) >= DAY_MS;
}

/**
 * Makes today's backup when none was made in the last 24 hours. The serving process uses the
 * online API so the window stays responsive; the CLI, which exits right after, copies at once.
 * A failure (full disk) never stops the notebook from opening; it is retried next time.
 */
export async function dailyBackup(db: Db, dbFile: string, mode: 'online' | 'now'): Promise<string | null> {
  if (!dailyBackupDue(dbFile)) return null;
  try {
    const dest = backupPath(dbFile, 'daily');
    if (mode === 'now') vacuumInto(db, dest);
    else await backupOnline(db, dest);
    prune(dbFile, 'daily');
    return dest;
  } catch {
    return null;
  }
}

export interface BackupCheck {
  ok: boolean;
  schemaVersion: number;
  problems: string[];
}

/** Opens a backup read-only and runs SQLite's integrity check on it. */
export function checkDatabaseFile(file: string, nativeBinding?: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true, nativeBinding });
    const problems = (db.pragma('integrity_check(20)') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    return { ok: problems.length === 0, schemaVersion: db.pragma('user_version', { simple: true }) as number, problems };
  } catch (error) {
    return { ok: false, schemaVersion: 0, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

/**
 * Replaces the notebook with a backup. The backup is checked first; the current notebook is
 * backed up ("before-restore") when it can be read, and otherwise moved aside whole, so a restore
 * never destroys anything. The copy goes through SQLite's backup API when the current file opens,
 * which keeps other connections consistent; otherwise the file is copied in.
 */
export async function restoreBackup(dbFile: string, backupFile: string, latestSchema: number): Promise<{ keptAs: string }> {
  const check = checkDatabaseFile(backupFile);
  if (!check.ok) throw new ApiError('corrupt', `${backupFile} is not a sound notebook: ${check.problems.slice(0, 3).join('; ')}`);
  if (check.schemaVersion > latestSchema)
    throw new ApiError('invalid_input', `${backupFile} was written by a newer Sourcebook (schema ${check.schemaVersion}).`);

  let current: Database.Database | undefined;
  try {
    current = openSqlite(dbFile, { fileMustExist: true });
    current.pragma('busy_timeout = 5000');
    if (!checkDatabaseFile(dbFile).ok) throw new Error('damaged');
    const keptAs = vacuumInto(current, backupPath(dbFile, 'before-restore'));
    prune(dbFile, 'before-restore');
    current.close();
    current = undefined;
    const source = openSqlite(backupFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(dbFile);
    } finally {
      source.close();
    }
    return { keptAs };
  } catch {
    current?.close();
    // Unreadable or damaged: keep it whole beside the notebook, then copy the backup in.
    const keptAs = `${dbFile}.damaged-${stamp(new Date())}`;
    if (fs.existsSync(dbFile)) fs.renameSync(dbFile, keptAs);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, keptAs + suffix);
    const temp = tempFor(dbFile);
    fs.copyFileSync(backupFile, temp);
    finish(temp, dbFile);
    return { keptAs };
  }
}
