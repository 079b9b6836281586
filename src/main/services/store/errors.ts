import { ApiError } from '../../../shared/errors';

const sqliteCode = (error: unknown): string =>
  error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE')
    ? error.code
    : '';

/**
 * SQLite's errors as a person can act on them: the one place they are translated. Every write
 * goes through the store's transaction helper and every call through `dispatch`, both of which
 * use this, so `SQLITE_BUSY` or `SQLITE_CONSTRAINT_…` never reaches a page or the terminal.
 * `what` says what was being done ("Saving the note"), so the message starts with it.
 */
export function asStoreError(error: unknown, what: string): unknown {
  if (error instanceof ApiError) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError(
      'busy',
      `${what} failed: the notebook is busy, another Sourcebook process is writing to it. Nothing was lost; try again in a moment.`,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return new ApiError(
      'disk_full',
      `${what} failed: the disk is full or cannot be written. Free some space; nothing that was saved is lost.`,
    );
  }
  if (code === 'SQLITE_TOOBIG') return new ApiError('too_large', `${what} failed: it is too large for the notebook to store.`);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM') {
    return new ApiError('read_only', `${what} failed: the notebook folder cannot be written (read-only or no permission).`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ApiError(
      'corrupt',
      `${what} failed: the notebook file is damaged. Run "sourcebook doctor" to check and repair it; ` +
        '"sourcebook doctor --export-notes FOLDER" saves every note that can still be read as Markdown.',
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('conflict', `${what} failed: it would contradict what the notebook already holds.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new ApiError('internal', `${what} failed: the disk reported an error. Nothing that was saved is lost.`);
  }
  return new ApiError('internal', `${what} failed: the notebook's database reported an error.`);
}

export function withStoreErrors<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asStoreError(error, what);
  }
}
