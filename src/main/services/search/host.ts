import type Database from 'better-sqlite3';
import { openSqlite } from '../store/driver';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import { SearchEngine, type QueryOptions } from './engine';
import { changeLogSeq, changesSince, loadEntity, loadNote, loadSource, passageReader, sourceIds } from './loader';
import { checkSections, readIndex, removeLeftovers, writeIndex, type PendingCheck } from './persist';
import { SearchUnavailable } from './protocol';
import { WARM_UP_BUDGET_MS, WARM_UP_QUERIES, WARM_UP_SLICE_MS, warmUpQueries } from './warmup';

export interface HostOptions {
  dbFile: string;
  indexFile: string;
  nativeBinding?: string;
  /** How long changes settle before the index is written again. */
  persistDelayMs?: number;
  /**
   * Bulk sections at least this large are checked against their checksums after the loaded index
   * starts answering, not before (default 1 MB): reload time is then reading, not checksumming.
   */
  checkLaterFrom?: number;
  /** Once the index answers, warm the query code up (`warmUp`): the service sets it for the shells. */
  warmUp?: boolean;
}

export type ProgressReport = { label: string; done: number; total: number; finished: boolean };
type Progress = (p: ProgressReport) => void;

const LABEL = 'Indexing for search';
/** Passages indexed between two looks at the message queue while building. */
const YIELD_EVERY = 5000;
/** A catch-up touching more sources than this (and a large share of them) rebuilds instead. */
const CATCH_UP_LIMIT = 2000;
/** After a failed write, try again this much later. */
const PERSIST_RETRY_MS = 60_000;

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Owns the index where it lives (the search worker, or the caller's thread in tests). The index
 * records the change log position (migration 0004) it reflects; on start it loads the persisted
 * file and catches up from the log, or builds from SQLite in chunks, answering queries from the
 * previous index (if any) meanwhile. Whenever SQLite's data_version moves (any other connection
 * committed: the app's, the CLI's, a second window's) it reads the log past its position and
 * reloads just what changed. A failed write of the index file is reported, never fatal: the index
 * keeps answering from memory.
 */
export class SearchHost {
  private readonly db: Database.Database;
  private readonly readPassages: ReturnType<typeof passageReader>;
  private engine: SearchEngine | null = null;
  /** The change log position the engine reflects. */
  private seq = 0;
  private persistedSeq = -1;
  private dataVersion = -1;
  private building: Promise<void> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The loaded file's remaining checksums; settles once they are checked (or the host closed). */
  private checking: Promise<void> | null = null;
  private warming: Promise<{ queries: number; ms: number }> | null = null;
  status: SearchStatus = { state: 'idle', documents: 0, origin: null, message: null, persistError: null };
  /** Told whenever the status changes (the worker forwards it). */
  onStatus: (status: SearchStatus) => void = () => {};

  constructor(private readonly options: HostOptions) {
    this.db = openSqlite(options.dbFile, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    this.mapPages(true);
    this.readPassages = passageReader(this.db);
  }

  /**
   * Results read their passages' texts back; mapped pages spare a system call per page. A build
   * reads the whole database once, which through a map would count every page in the worker's
   * resident memory: it reads without one.
   */
  private mapPages(on: boolean): void {
    this.db.pragma(`mmap_size = ${on ? 268435456 : 0}`);
  }

  private setStatus(patch: Partial<SearchStatus>): void {
    this.status = { ...this.status, ...patch, documents: this.engine?.size ?? 0, seq: this.seq };
    this.onStatus(this.status);
  }

  async start(progress: Progress): Promise<SearchStatus> {
    removeLeftovers(this.options.indexFile);
    this.setStatus({ state: 'loading' });
    const loaded = await readIndex(this.options.indexFile, this.readPassages, { checkLaterFrom: this.options.checkLaterFrom ?? 1 << 20 });
    // Closed while the file was being read (the app quitting as it starts): the database is gone.
    if (this.closed) return this.status;
    // A log behind the file's position means another notebook file (a restored backup): rebuild.
    if (loaded.ok && changeLogSeq(this.db) >= loaded.seq) {
      this.engine = loaded.engine;
      this.engine.vocabulary.prepare();
      this.seq = loaded.seq;
      this.persistedSeq = loaded.seq;
      this.setStatus({ state: 'ready', origin: 'disk', message: null });
      // What a reload leaves to first use is done as soon as the loaded index has answered:
      // sources', entities' and notes' words, and the map from words to ids.
      const engine = this.engine;
      setImmediate(() => {
        engine.smallIndex.settle();
        engine.vocabulary.settle();
      });
      if (loaded.pendingChecks.length > 0) this.checking = this.checkLoaded(loaded.pendingChecks, progress);
      this.catchUp(progress);
      return this.status;
    }
    const why = loaded.ok ? 'the notebook is older than the index (restored from a backup?)' : loaded.detail;
    await this.rebuild(progress, !loaded.ok && loaded.reason === 'missing' ? null : `Rebuilt the search index: ${why}.`);
    return this.status;
  }

  /**
   * Settles once the loaded file's bulk sections have been checked (at once if none were left);
   * a section that fails has by then dropped the loaded index and started a rebuild.
   */
  get checked(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  private async checkLoaded(pending: PendingCheck[], progress: Progress): Promise<void> {
    const loaded = this.engine;
    // A rebuild meanwhile (asked for, or after a large catch-up) replaced what is being checked.
    const moot = () => this.closed || this.engine !== loaded;
    const failed = await checkSections(pending, yieldNow, moot);
    this.checking = null;
    if (!failed || moot()) return;
    // Answers from a damaged file may be wrong: none are given until the rebuild is done.
    this.engine = null;
    this.persistedSeq = -1;
    const why = `${this.options.indexFile} fails its checksum (section ${failed})`;
    await this.rebuild(progress, `Rebuilt the search index: ${why}.`).catch(() => {});
  }

  /** Builds the index again from SQLite; one build at a time (a second call waits for the first). */
  rebuild(progress: Progress, message: string | null = null): Promise<void> {
    this.building ??= this.build(progress, message).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  get isBuilding(): boolean {
    return this.building !== null;
  }

  private async build(progress: Progress, message: string | null): Promise<void> {
    this.setStatus({ state: 'building', progress: 0 });
    this.mapPages(false);
    try {
      // The position first: whatever commits during the build is read again by the catch-up after it.
      const seq = changeLogSeq(this.db);
      this.dataVersion = this.readDataVersion();
      const engine = new SearchEngine(this.readPassages);
      engine.bulk = true;
      loadEntity(this.db, engine);
      loadNote(this.db, engine);
      const total = (
        this.db.prepare(`SELECT count(*) AS n FROM passage p JOIN source s ON s.current_version_id = p.version_id`).get() as { n: number }
      ).n;
      let done = 0;
      let sinceYield = 0;
      progress({ label: LABEL, done, total, finished: false });
      for (const id of sourceIds(this.db)) {
        const n = loadSource(this.db, engine, id);
        done += n;
        sinceYield += n;
        if (sinceYield >= YIELD_EVERY) {
          sinceYield = 0;
          progress({ label: LABEL, done, total, finished: false });
          this.setStatus({ progress: total ? done / total : 1 });
          // Queries and status requests are answered (from the previous index, if any) between chunks.
          await yieldNow();
        }
      }
      engine.compact();
      engine.vocabulary.prepare();
      this.engine = engine;
      this.seq = seq;
      this.persistedSeq = -1;
      this.setStatus({ state: 'ready', origin: 'build', message, progress: 1 });
      progress({ label: LABEL, done: total, total, finished: true });
    } catch (error) {
      this.setStatus({
        state: this.engine ? 'ready' : 'failed',
        message: `The search index could not be built: ${(error as Error).message}`,
      });
      progress({ label: LABEL, done: 0, total: 0, finished: true });
      throw error;
    }
    this.persist();
    this.catchUp(progress);
  }

  query(q: string, options: QueryOptions = {}): SearchResponse {
    if (!this.engine) {
      const pct = Math.round((this.status.progress ?? 0) * 100);
      throw new SearchUnavailable(
        this.status.state === 'failed'
          ? (this.status.message ?? 'The search index could not be built.')
          : `The search index is being built (${pct} %); try again in a moment.`,
      );
    }
    return this.engine.query(q, options);
  }

  /**
   * Asks the index made-up queries of every shape (warmup.ts) in slices of a millisecond or so,
   * letting requests in between, so V8 has optimised the query code before a person's first
   * searches: left cold, the first thousands of queries ran up to twice as slow at the 95th
   * percentile (docs/benchmarks.md, "The worker warms its query code up"). Stops when the host
   * closes or has no index, or at the time budget. Results are thrown away; nothing is written.
   */
  warmUp(count = WARM_UP_QUERIES): Promise<{ queries: number; ms: number }> {
    if (!this.engine) return Promise.resolve({ queries: 0, ms: 0 });
    this.warming ??= this.askWarmUpQueries(count);
    return this.warming;
  }

  private async askWarmUpQueries(count: number): Promise<{ queries: number; ms: number }> {
    const started = performance.now();
    const engine = this.engine;
    const queries = engine ? warmUpQueries(engine, count) : [];
    let done = 0;
    while (done < queries.length && !this.closed && this.engine) {
      const slice = performance.now();
      if (slice - started > WARM_UP_BUDGET_MS) break;
      while (done < queries.length && performance.now() - slice < WARM_UP_SLICE_MS) {
        try {
          this.engine.query(queries[done]!, { limit: 20 });
        } catch {
          // A warm-up query has nothing to report: the next one goes on.
        }
        done++;
      }
      await yieldNow();
    }
    if (!this.closed && this.engine) this.setStatus({ warm: true });
    return { queries: done, ms: performance.now() - started };
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Another connection committed since the last look (cheap: one pragma). */
  get outdated(): boolean {
    return this.readDataVersion() !== this.dataVersion;
  }

  /**
   * Reads the change log past the index's position and reloads what changed: sources with their
   * passages, entities, notes. Returns whether anything changed. A very large catch-up rebuilds.
   */
  catchUp(progress: Progress = () => {}): boolean {
    const engine = this.engine;
    if (!engine || this.building) return false;
    this.dataVersion = this.readDataVersion();
    const rows = changesSince(this.db, this.seq);
    if (rows.length === 0) return false;
    const sources = rows.filter((r) => r.kind === 'source').length;
    if (sources > CATCH_UP_LIMIT && sources > engine.sources.length / 2) {
      void this.rebuild(progress, 'Rebuilt the search index: most of the notebook changed.').catch(() => {});
      return true;
    }
    for (const row of rows) {
      if (row.kind === 'source') loadSource(this.db, engine, row.ref);
      else if (row.kind === 'entity') loadEntity(this.db, engine, row.ref);
      else if (row.kind === 'note') loadNote(this.db, engine, row.ref);
    }
    if (engine.wantsCompaction) engine.compact();
    engine.vocabulary.prepare();
    this.seq = rows[rows.length - 1]!.seq;
    this.setStatus({});
    this.schedulePersist();
    return true;
  }

  private schedulePersist(delay = this.options.persistDelayMs ?? 1500): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.persist(), delay);
    this.persistTimer.unref?.();
  }

  /**
   * Writes the index file. A failure (disk full, the path made a folder, no permission) leaves
   * no temporary file, keeps the index answering from memory, says so in the status, and is
   * tried again later; the file on disk, if any, is older and caught up from the log at start.
   */
  persist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    if (!this.engine || this.persistedSeq === this.seq) return;
    // Writing before the loaded file is checked could give damaged sections fresh checksums.
    if (this.checking) {
      this.schedulePersist();
      return;
    }
    try {
      writeIndex(this.options.indexFile, this.engine, this.seq);
      this.persistedSeq = this.seq;
      if (this.status.persistError) this.setStatus({ persistError: null });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EISDIR' ? 'a folder is in its place' : (error as Error).message;
      this.setStatus({
        persistError: `The search index could not be saved (${why}); search works from memory and the index is rebuilt at the next start if need be.`,
      });
      this.schedulePersist(PERSIST_RETRY_MS);
    }
  }

  flush(): void {
    if (this.persistTimer) this.persist();
  }

  close(): void {
    this.closed = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    this.db.close();
  }
}
