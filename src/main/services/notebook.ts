import path from 'node:path';
import type { z } from 'zod';
import { findCall, makeApi, type Caller, type EventName, type EventPayload, type Handlers, type HostApi } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { seedIfEmpty, type SeedResult } from './corpus/seed';
import { DATABASE_FILE, openDatabase, type Db } from './store/db';
import type { Repositories } from './store/repositories';
import { createStore, type Store } from './store/store';
import { createChangeFeed, type ChangeFeed } from './store/changeFeed';
import { asStoreError } from './store/errors';
import { createEventHub } from './events';
import { createEntitiesService } from './entities/service';
import { entityHandlers } from './entities/handlers';
import { createSourcesService } from './sources/service';
import { sourceHandlers } from './sources/handlers';
import { createNotesService, noteHandlers } from './notes';
import { createSearchService, type SearchService } from './search/service';
import { searchHandlers } from './search/handlers';
import { createExportService } from './export/service';
import type { PrintToPdf } from './export/render-pdf';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { createImporter } from './import/service';

export interface NotebookOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  /** The desktop shell prints with Electron's own Chromium; elsewhere the system Chromium is used. */
  printToPdf?: PrintToPdf;
  /** How often to look for commits by other processes (ms). */
  changePollMs?: number;
}

export interface Notebook {
  readonly db: Db;
  readonly store: Store;
  readonly repos: Repositories;
  readonly handlers: Handlers;
  readonly seed: SeedResult;
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
  close(): void;
}

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
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  const events = createEventHub();
  let feed: ChangeFeed;
  let seed: SeedResult;
  let store: Store;
  try {
    feed = createChangeFeed(db, (changes) => events.emit('changed', { changes }), { intervalMs: options.changePollMs });
    store = createStore(db, () => feed.poll());
    seed = seedIfEmpty(store, path.join(options.resourcesDir, 'seed'));
  } catch (error) {
    db.close();
    throw error;
  }
  const { repos } = store;
  const search = createSearchService({ dataDir: options.dataDir, dbFile, nativeBinding: options.nativeBinding, events });
  const notes = createNotesService({ store });
  const importer = createImporter({
    store,
    dataDir: options.dataDir,
    events,
    noticeCommits: () => feed.poll(),
    nativeBinding: options.nativeBinding,
  });
  const handlers: Handlers = {
    sources: sourceHandlers(createSourcesService(store)),
    entities: entityHandlers(createEntitiesService(store)),
    notes: noteHandlers(notes),
    search: searchHandlers(search),
    imports: importHandlers(importer, store),
    export: exportHandlers(
      createExportService({
        repos,
        resourcesDir: options.resourcesDir,
        getNote: (id) => notes.get(id),
        printToPdf: options.printToPdf,
        progress: (progress) => events.emit('progress', progress),
      }),
    ),
  };

  async function dispatch(wire: string, rawInput: unknown, caller: Caller): Promise<unknown> {
    const found = findCall(wire);
    if (!found) throw new ApiError('invalid_input', `Unknown call "${wire}".`);
    if (found.spec.hostOnly && caller !== 'host') throw new ApiError('invalid_input', `"${wire}" is not available to the app window.`);
    const parsed = found.spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', `${wire}: ${describeIssues(parsed.error)}`);
    const domain = handlers[found.domain] as Record<string, (input: unknown) => unknown>;
    try {
      return await domain[found.name]!(parsed.data);
    } catch (error) {
      // Whatever a handler threw leaves as one of the app's codes with a plain message.
      throw ApiError.from(asStoreError(error, `${wire}`));
    }
  }

  return {
    db,
    store,
    repos,
    handlers,
    seed,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    changes: feed,
    search,
    host: makeApi((wire, input) => dispatch(wire, input, 'host'), events.on as never, { hostOnly: true }),
    dispatch,
    on: events.on,
    emit: events.emit,
    close() {
      feed.close();
      search.close();
      db.close();
    },
  };
}
