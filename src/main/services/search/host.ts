import Database from 'better-sqlite3';
import type { Change } from '../../../shared/domain';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import { SearchEngine, type QueryOptions } from './engine';
import { contentHash, loadAll, loadEntities, loadNotes, loadPassages, loadSource, passagesMentioning } from './loader';
import { readIndex, writeIndex } from './persist';

export interface HostOptions {
  dbFile: string;
  indexFile: string;
  nativeBinding?: string;
  /** How long changes settle before the index is written again. */
  persistDelayMs?: number;
}

export type ProgressReport = { label: string; done: number; total: number; finished: boolean };

/** Rebuild in the background once this share of FlexSearch entries points at removed documents. */
const COMPACT_AT = 0.3;
const PROGRESS_EVERY = 2000;

/**
 * Owns the index where it lives (the search worker, or the caller's thread in tests): loads the
 * persisted index when its content hash matches SQLite, otherwise rebuilds from SQLite and
 * persists, then keeps it current from change events.
 */
export class SearchHost {
  private db: Database.Database;
  private readonly passageTextStatement: Database.Statement<[string], [number, string]>;
  /** Passage texts stay in SQLite; results read back the few they show. */
  private readonly passageText = (passageIds: number[]): Map<number, string> =>
    new Map(this.passageTextStatement.all(JSON.stringify(passageIds)));
  private engine: SearchEngine;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** Content hash of what the index reflects, and SQLite's data_version when it was last compared. */
  private knownHash = '';
  private dataVersion = -1;
  status: SearchStatus = { state: 'idle', documents: 0, origin: null, message: null };

  constructor(private readonly options: HostOptions) {
    this.db = new Database(options.dbFile, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    // Results read their passages' texts back; mapped pages spare a system call per page.
    this.db.pragma('mmap_size = 268435456');
    // One statement for all of a query's results: a third of the time of one per passage.
    this.passageTextStatement = this.db
      .prepare<[string], [number, string]>(`SELECT p.id, p.text FROM json_each(?) j JOIN passage p ON p.id = j.value`)
      .raw();
    this.engine = new SearchEngine(this.passageText);
  }

  start(progress: (p: ProgressReport) => void): SearchStatus {
    this.status = { ...this.status, state: 'loading' };
    const hash = contentHash(this.db);
    this.dataVersion = this.readDataVersion();
    const loaded = readIndex(this.options.indexFile, hash);
    if (loaded.ok) {
      this.knownHash = hash;
      this.engine = SearchEngine.fromState(loaded.state, this.passageText);
      this.engine.warm();
      this.status = { state: 'ready', documents: this.engine.size, origin: 'disk', message: null };
      return this.status;
    }
    this.rebuild(progress, loaded.reason === 'missing' ? null : `Rebuilt the search index: ${loaded.detail}.`);
    return this.status;
  }

  rebuild(progress: (p: ProgressReport) => void, message: string | null = null): void {
    this.status = { ...this.status, state: 'building' };
    this.dataVersion = this.readDataVersion();
    const hash = contentHash(this.db);
    const docs = loadAll(this.db);
    const engine = new SearchEngine(this.passageText);
    progress({ label: 'Indexing for search', done: 0, total: docs.length, finished: false });
    docs.forEach((doc, i) => {
      engine.upsert(doc);
      if ((i + 1) % PROGRESS_EVERY === 0) progress({ label: 'Indexing for search', done: i + 1, total: docs.length, finished: false });
    });
    engine.warm();
    this.engine = engine;
    this.persist(hash);
    this.status = { state: 'ready', documents: engine.size, origin: 'build', message };
    progress({ label: 'Indexing for search', done: docs.length, total: docs.length, finished: true });
  }

  query(q: string, options: QueryOptions = {}): SearchResponse {
    return this.engine.query(q, options);
  }

  apply(change: Change): void {
    if (change.kind === 'source') {
      for (const key of this.engine.keysOfSource(change.sourceId)) this.engine.remove(key);
      for (const doc of loadSource(this.db, change.sourceId)) this.engine.upsert(doc);
    } else if (change.kind === 'entity') {
      const affected = new Set([...this.engine.passagesOfEntity(change.entityId), ...passagesMentioning(this.db, change.entityId)]);
      this.engine.remove(`e:${change.entityId}`);
      for (const doc of loadEntities(this.db, change.entityId)) this.engine.upsert(doc);
      for (const id of affected) this.engine.remove(`p:${id}`);
      for (const doc of loadPassages(this.db, [...affected])) this.engine.upsert(doc);
    } else {
      // A note in the trash or deleted for ever loads as nothing, so removing first is enough.
      this.engine.remove(`n:${change.noteId}`);
      for (const doc of loadNotes(this.db, change.noteId)) this.engine.upsert(doc);
    }
    this.status = { ...this.status, documents: this.engine.size };
    this.changed();
  }

  private changed(): void {
    if (this.engine.staleRatio > COMPACT_AT) {
      this.rebuild(() => {});
      return;
    }
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.persist(), this.options.persistDelayMs ?? 1500);
    this.persistTimer.unref?.();
  }

  persist(hash = contentHash(this.db)): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    this.knownHash = hash;
    writeIndex(this.options.indexFile, this.engine.exportState(), hash);
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * Another process (a CLI import beside the open app) may write the notebook without telling
   * this one. SQLite's data_version says some connection committed; the content hash says
   * whether the index missed it. Changes announced on the bus are persisted first, so they are
   * already part of the known hash by the time this compares. Returns true when it rebuilt.
   */
  checkExternalChanges(progress: (p: ProgressReport) => void): boolean {
    const version = this.readDataVersion();
    if (version === this.dataVersion || this.persistTimer) return false;
    this.dataVersion = version;
    const hash = contentHash(this.db);
    if (hash === this.knownHash) return false;
    this.rebuild(progress, 'Rebuilt the search index: the notebook was changed by another process.');
    return true;
  }

  flush(): void {
    if (this.persistTimer) this.persist();
  }

  close(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.db.close();
  }
}
