import { repositories, type Repositories } from './repositories';
import type { Db } from './db';
import { withStoreErrors } from './errors';

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

export function createStore(db: Db, afterCommit: () => void = () => {}): Store {
  const repos = repositories(db);
  return {
    db,
    repos,
    write(what, run) {
      const nested = db.inTransaction;
      const result = withStoreErrors(what, () => db.transaction(() => run(repos)).immediate());
      if (!nested) afterCommit();
      return result;
    },
    read: (what, run) => withStoreErrors(what, () => run(repos)),
  };
}
