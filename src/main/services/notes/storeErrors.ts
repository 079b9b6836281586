import { ApiError } from '../../../shared/errors';

/**
 * SQLite's errors as a writer can act on them. The editor keeps its text whatever happens here;
 * these messages tell the user why "Saved" is not showing.
 */
export function asStoreError(error: unknown, what: string): unknown {
  if (error instanceof ApiError) return error;
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new ApiError(
      'busy',
      `${what} failed: the notebook is busy, another Sourcebook process is writing to it. Nothing was lost; trying again.`,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return new ApiError(
      'internal',
      `${what} failed: the disk is full or cannot be written. Free some space; nothing was lost and the change will be retried.`,
    );
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new ApiError('internal', `${what} failed: the notebook folder is read-only.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new ApiError('internal', `${what} failed: the disk reported an error (${code}). Nothing was lost; the change will be retried.`);
  }
  return error;
}

export function withStoreErrors<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asStoreError(error, what);
  }
}
