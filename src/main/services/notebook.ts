import path from 'node:path';
import type { z } from 'zod';
import { findCall, makeApi, type Caller, type EventName, type EventPayload, type Handlers, type HostApi } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { seedIfEmpty, type SeedResult } from './corpus/seed';
import { closeDatabase, DATABASE_FILE, openDatabase, type Db } from './store/db';
import { backupsDir, dailyBackup, dailyBackupDue } from './store/backup';
import { checkInput } from './input';
import { callScope, isLockNotTaken } from './store/store';
import { removeDeadProcessFolders, removeStaleFiles } from './files/leftovers';
import { PDF_TEMP_PREFIX } from './export/pdfTemp';
import type { Repositories } from './store/repositories';
import { createStore, type Store } from './store/store';
import { createChangeFeed, type ChangeFeed } from './store/changeFeed';
import { asStoreError } from './store/errors';
import { createEventHub } from './events';
import { createSourcesService } from './sources/service';
import { sourceHandlers } from './sources/handlers';
import type { NotesService } from './notes/service';
import { createSearchService, type SearchService } from './search/service';
import { searchHandlers } from './search/handlers';
import { createSavedSearches } from './search/saved';
import type { ImportSummary } from '../../shared/imports';
import type { ExportService } from './export/service';
import type { PrintToPdf } from './export/render-pdf';
import type { Importer } from './import/service';
import { lazyDomain } from './lazyDomain';
import { createWorkerGroup } from './workers';

export interface NotebookOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  /** The desktop shell prints with Electron's own Chromium; elsewhere the system Chromium is used. */
  printToPdf?: PrintToPdf;
  /** How often to look for commits by other processes (ms). */
  changePollMs?: number;
  /**
   * How long a call that finds another process holding the write lock keeps retrying, in the
   * background, before it answers `busy` (default 15 s). The serving thread never waits for it.
   */
  busyRetryMs?: number;
  /** The daily backup: 'online' (SQLite's backup API, a few pages at a time; default), 'now' (CLI), or 'off'. */
  backups?: 'online' | 'now' | 'off';
}

/** Whether everything could be read at start-up; a damaged notebook still opens what it can. */
export type NotebookHealth = { ok: true } | { ok: false; problem: string };

export interface Notebook {
  readonly db: Db;
  readonly store: Store;
  readonly repos: Repositories;
  readonly handlers: Handlers;
  readonly seed: SeedResult;
  readonly health: NotebookHealth;
  /** The daily backup started at open, if one was due (resolves to its file, or null). */
  readonly backup: Promise<string | null>;
  readonly dataDir: string;
  readonly resourcesDir: string;
  /** The store's change log as seen from here; `changed` events come from it. */
  readonly changes: ChangeFeed;
  /** The search index, kept in a worker and current with `changed` events. */
  readonly search: SearchService;
  /** Every call, host-only ones included, typed by the contract: what the CLI, scripts and tests use. */
  readonly host: HostApi;
  /**
   * The single entry point every shell uses: validates the raw input, then runs the handler.
   * The caller is named by the shell that received the call: a window may not make host-only calls.
   */
  dispatch(wire: string, rawInput: unknown, caller: Caller): Promise<unknown>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /**
   * Stops everything the notebook started, at once: imports in progress (nothing half-written),
   * the import, export and search workers, the change feed, then the database.
   */
  close(): void;
  /** Resolves once close() has run and every worker thread the notebook started has exited. */
  closed(): Promise<void>;
}

const DEFAULT_BUSY_RETRY_MS = 15_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "id must be a source id such as …; limit too big": the field first, as a person would say it. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : 'input';
      const typeMismatch = /expected (\w+), received (\w+)/.exec(issue.message);
      if (typeMismatch?.[2] === 'undefined') return `${field} is required`;
      if (typeMismatch)
        return `${field} must be ${/^[aeiou]/.test(typeMismatch[1]!) ? 'an' : 'a'} ${typeMismatch[1]} (got ${typeMismatch[2]})`;
      return `${field} ${issue.message.replace(/^Invalid input: /, '')}`;
    })
    .join('; ');
}

export function openNotebook(options: NotebookOptions): Notebook {
  const dbFile = path.join(options.dataDir, DATABASE_FILE);
  // What a killed run left behind: half-written backups. (PDF export folders of processes that are
  // gone are removed when export is first used: listing the temp folder is not free, and a CLI
  // command that never exports should not pay for it.)
  removeStaleFiles(backupsDir(dbFile), /\.partial$/, 3600_000);
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  const events = createEventHub();
  let feed: ChangeFeed;
  let seed: SeedResult;
  let store: Store;
  let health: NotebookHealth | undefined;
  const zeroCounts: SeedResult = { seeded: false, sources: 0, passages: 0, entities: 0, mentions: 0 };
  // A damaged table must not lock the user out of every note: open what can be opened, never
  // re-seed over it, and say what is wrong and what to do.
  const damaged = (error: unknown): NotebookHealth => {
    const mapped = ApiError.from(asStoreError(error, 'Reading the notebook'));
    if (mapped.code !== 'corrupt') throw error;
    seed = zeroCounts;
    return { ok: false, problem: mapped.message };
  };
  // Counting reads every table; the CLI's quick commands never ask, so the probe runs when health
  // is first read (the shells read it at start) or a daily backup is due.
  const probeHealth = (): NotebookHealth => {
    if (health) return health;
    try {
      void [seed.sources, seed.passages, seed.entities, seed.mentions];
      health = { ok: true };
    } catch (error) {
      health = damaged(error);
    }
    return health;
  };
  try {
    feed = createChangeFeed(db, (changes) => events.emit('changed', { changes }), { intervalMs: options.changePollMs });
    store = createStore(db, () => feed.poll());
    try {
      seed = seedIfEmpty(store, path.join(options.resourcesDir, 'seed'));
    } catch (error) {
      health = damaged(error);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const backup =
    options.backups === 'off' || !dailyBackupDue(dbFile) || !probeHealth().ok
      ? Promise.resolve(null)
      : dailyBackup(db, dbFile, options.backups ?? 'online');
  const { repos } = store;
  const workers = createWorkerGroup();
  let isClosed = false;
  const search = createSearchService({ dataDir: options.dataDir, dbFile, nativeBinding: options.nativeBinding, events, workers });
  const savedSearches = createSavedSearches({ store, search, events });
  let importer: Importer | undefined;
  let exporter: ExportService | undefined;
  let notesLoading: Promise<NotesService> | undefined;
  const stillOpen = () => {
    if (isClosed) throw new ApiError('unavailable', 'The notebook is closed.');
  };
  // Notes, entities, settings, import and export load on first use: a CLI command that never needs
  // them does not pay for loading their code (docs/benchmarks.md, "Command line").
  const notes = () => (notesLoading ??= import('./notes/service').then(({ createNotesService }) => createNotesService({ store })));
  // Every import runs the saved searches again on what it brought: the summary says what matched.
  const withSavedMatches = async (summary: ImportSummary): Promise<ImportSummary> => {
    const sourceIds = summary.imported.map((s) => s.sourceId);
    if (sourceIds.length === 0) return summary;
    const matches = await savedSearches.matchSources(sourceIds).catch(() => []);
    return matches.length > 0 ? { ...summary, savedSearches: matches } : summary;
  };
  const handlers: Handlers = {
    sources: sourceHandlers(createSourcesService(store)),
    entities: lazyDomain('entities', async () => {
      const [{ createEntitiesService }, { entityHandlers }, { createWorkbench }] = await Promise.all([
        import('./entities/service'),
        import('./entities/handlers'),
        import('./entities/workbench'),
      ]);
      return entityHandlers(createEntitiesService(store), createWorkbench(store), store);
    }),
    notes: lazyDomain('notes', async () => (await import('./notes')).noteHandlers(await notes())),
    search: searchHandlers(search, savedSearches),
    imports: lazyDomain('imports', async () => {
      const [{ createImporter }, { importHandlers }] = await Promise.all([import('./import/service'), import('./import/handlers')]);
      stillOpen();
      importer = createImporter({
        store,
        dataDir: options.dataDir,
        events,
        noticeCommits: () => feed.poll(),
        nativeBinding: options.nativeBinding,
        workers,
      });
      const importing = importHandlers(importer, store);
      return {
        ...importing,
        importPaths: async (input) => withSavedMatches(await importing.importPaths(input)),
        importFiles: async (input) => withSavedMatches(await importing.importFiles(input)),
      };
    }),
    export: lazyDomain('export', async () => {
      const [{ createExportService }, { exportHandlers }] = await Promise.all([import('./export/service'), import('./export/handlers')]);
      stillOpen();
      removeDeadProcessFolders(PDF_TEMP_PREFIX);
      exporter = createExportService({
        repos,
        resourcesDir: options.resourcesDir,
        getNote: async (id) => (await notes()).get(id),
        printToPdf: options.printToPdf,
        progress: (progress) => events.emit('progress', progress),
        workers,
      });
      return exportHandlers(exporter);
    }),
    settings: lazyDomain('settings', async () => {
      const [{ createSettingsService }, { settingsHandlers }] = await Promise.all([
        import('./settings/service'),
        import('./settings/handlers'),
      ]);
      return settingsHandlers(createSettingsService({ store, dataDir: options.dataDir }));
    }),
  };
  let markClosed: (stopped: Promise<void>) => void = () => {};
  const whenClosed = new Promise<void>((resolve) => (markClosed = resolve));

  async function dispatch(wire: string, rawInput: unknown, caller: Caller): Promise<unknown> {
    stillOpen();
    const found = findCall(wire);
    if (!found) throw new ApiError('invalid_input', `Unknown call "${wire}".`);
    if (found.spec.hostOnly && caller !== 'host') throw new ApiError('invalid_input', `"${wire}" is not available to the app window.`);
    const parsed = found.spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', `${wire}: ${describeIssues(parsed.error)}`);
    checkInput(wire, parsed.data);
    const domain = handlers[found.domain] as Record<string, (input: unknown) => unknown>;
    const deadline = Date.now() + (options.busyRetryMs ?? DEFAULT_BUSY_RETRY_MS);
    for (let attempt = 0; ; attempt++) {
      const scope = { commits: 0 };
      try {
        return await callScope.run(scope, () => domain[found.name]!(parsed.data));
      } catch (error) {
        // Another process holds the write lock and nothing of this call ran: wait off the thread
        // (reads and page loads go on meanwhile) and try again, up to the deadline.
        if (isLockNotTaken(error) && scope.commits === 0 && Date.now() < deadline) {
          await delay(Math.min(10 * 2 ** attempt, 250));
          continue;
        }
        // Whatever a handler threw leaves as one of the app's codes with a plain message.
        throw ApiError.from(asStoreError(error, `${wire}`));
      }
    }
  }

  return {
    db,
    store,
    repos,
    handlers,
    get seed() {
      return seed;
    },
    get health() {
      return probeHealth();
    },
    backup,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    changes: feed,
    search,
    host: makeApi((wire, input) => dispatch(wire, input, 'host'), events.on as never, { hostOnly: true }),
    dispatch,
    on: events.on,
    emit: events.emit,
    close() {
      if (isClosed) return;
      isClosed = true;
      feed.close();
      search.close();
      // Each service stops its own work first (imports are aborted, queued files cancelled); the
      // group then makes sure no worker thread, whoever started it, outlives the notebook.
      const services = [importer?.close(), exporter?.close()];
      markClosed(Promise.all([...services, workers.close()]).then(() => undefined));
      closeDatabase(db);
    },
    closed: () => whenClosed,
  };
}
