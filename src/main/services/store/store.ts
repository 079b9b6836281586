import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from '../../../shared/errors';
import { repositories, type Repositories } from './repositories';
import type { Db } from './db';
import { asStoreError, withStoreErrors } from './errors';

export interface Store {
  readonly db: Db;
  readonly repos: Repositories;
  /**
   * The one way to write: `run` inside one IMMEDIATE transaction (it takes the write lock before
   * reading, so two writers never deadlock on an upgrade), SQLite errors mapped to the app's codes
   * with `what` ("Saving the note") in the message, and the change feed told once it committed.
   */
  write<T>(what: string, run: (repos: Repositories) => T): T;
  /** Reads, with the same error mapping. */
  read<T>(what: string, run: (repos: Repositories) => T): T;
}

/**
 * A write that could not even take the lock: nothing of it ran, so it may safely run again. The
 * dispatch boundary retries such calls asynchronously instead of letting SQLite wait on the thread.
 */
export class LockNotTaken extends ApiError {
  readonly lockNotTaken = true;
}

export const isLockNotTaken = (error: unknown): error is LockNotTaken => error instanceof LockNotTaken;

/** Per contract call: how many transactions it committed, so a retry never repeats a committed one. */
export const callScope = new AsyncLocalStorage<{ commits: number }>();

export function createStore(db: Db, afterCommit: () => void = () => {}): Store {
  const repos = repositories(db);
  return {
    db,
    repos,
    write(what, run) {
      const nested = db.inTransaction;
      let entered = false;
      let result;
      try {
        result = db
          .transaction(() => {
            entered = true;
            return run(repos);
          })
          .immediate();
      } catch (error) {
        const mapped = asStoreError(error, what);
        if (!nested && !entered && mapped instanceof ApiError && mapped.code === 'busy') throw new LockNotTaken('busy', mapped.message);
        throw mapped;
      }
      if (!nested) {
        const scope = callScope.getStore();
        if (scope) scope.commits++;
        afterCommit();
      }
      return result;
    },
    read: (what, run) => withStoreErrors(what, () => run(repos)),
  };
}
