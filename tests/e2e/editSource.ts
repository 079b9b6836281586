import Database from 'better-sqlite3';
import path from 'node:path';
import type { Notebook } from '../../src/main/services/notebook';
import { reanchorCitationsForSource } from '../../src/main/services/notes';
import { DATABASE_FILE } from '../../src/main/services/store/db';
import { createStore } from '../../src/main/services/store/store';
import { addEditedVersion } from '../unit/notes/helpers';

/**
 * What a re-import of an edited source does, done from a second connection outside the running
 * app (as the CLI would): a new version of the text, then its citations re-anchored.
 */
export function editSourceFromOutside(dataDir: string, sourceId: string, edit: (text: string) => string) {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('busy_timeout = 5000');
  try {
    const store = createStore(db);
    const notebook = { db, repos: store.repos, store } as unknown as Notebook;
    addEditedVersion(notebook, sourceId, edit);
    return reanchorCitationsForSource(notebook.store, sourceId);
  } finally {
    db.close();
  }
}
