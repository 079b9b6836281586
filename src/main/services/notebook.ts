import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { z } from 'zod';
import { findCall, type EventName, type EventPayload, type Handlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { seedIfEmpty, type SeedResult } from './corpus/seed';
import { DATABASE_FILE, openDatabase, type Db } from './store/db';
import { repositories, type Repositories } from './store/repositories';
import { entityHandlers } from './handlers/entities';
import { sourceHandlers } from './handlers/sources';
import { noteHandlers } from './notes';
import { createChangeBus, type ChangeBus } from './changes';
import { createSearchService, type SearchService } from './search/service';
import { searchHandlers } from './search/handlers';
import { createExportService } from './export/service';
import type { PrintToPdf } from './export/render-pdf';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';

/** Who is calling: the app window may not make host-only calls (see CallSpec.hostOnly). */
export type Caller = 'host' | 'window';

export interface NotebookOptions {
  dataDir: string;
  resourcesDir: string;
  nativeBinding?: string;
  /** The desktop shell prints with Electron's own Chromium; elsewhere the system Chromium is used. */
  printToPdf?: PrintToPdf;
}

export interface Notebook {
  readonly db: Db;
  readonly repos: Repositories;
  readonly handlers: Handlers;
  readonly seed: SeedResult;
  readonly dataDir: string;
  readonly resourcesDir: string;
  /** Committed changes, for derived data such as the search index. */
  readonly changes: ChangeBus;
  /** The search index, kept in a worker and current with `changes`. */
  readonly search: SearchService;
  /** The single entry point every shell uses: validates the raw input, then runs the handler. */
  dispatch(wire: string, rawInput: unknown, caller?: Caller): Promise<unknown>;
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
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  const repos = repositories(db);
  let seed: SeedResult;
  try {
    seed = seedIfEmpty(db, repos, path.join(options.resourcesDir, 'seed'));
  } catch (error) {
    db.close();
    throw error;
  }
  const emitter = new EventEmitter();
  const changes = createChangeBus();
  const search = createSearchService({
    dataDir: options.dataDir,
    dbFile: path.join(options.dataDir, DATABASE_FILE),
    nativeBinding: options.nativeBinding,
    changes,
    onProgress: (progress) => emitter.emit('progress', progress),
  });
  const handlers: Handlers = {
    sources: sourceHandlers(repos),
    entities: entityHandlers(repos),
    notes: noteHandlers({ db, repos, changes }),
    search: searchHandlers(search),
    imports: importHandlers({
      db,
      repos,
      dataDir: options.dataDir,
      changes,
      nativeBinding: options.nativeBinding,
      emit: (event, payload) => emitter.emit(event, payload),
    }),
    export: exportHandlers(
      createExportService({
        repos,
        resourcesDir: options.resourcesDir,
        getNote: (id) => handlers.notes.get({ id }),
        printToPdf: options.printToPdf,
        progress: (progress) => emitter.emit('progress', progress),
      }),
    ),
  };

  return {
    db,
    repos,
    handlers,
    seed,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    changes,
    search,
    async dispatch(wire, rawInput, caller = 'host') {
      const found = findCall(wire);
      if (!found) throw new ApiError('invalid_input', `Unknown call "${wire}".`);
      if (found.spec.hostOnly && caller !== 'host') throw new ApiError('invalid_input', `"${wire}" is not available to the app window.`);
      const parsed = found.spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new ApiError('invalid_input', `${wire}: ${describeIssues(parsed.error)}`);
      }
      const domain = handlers[found.domain] as Record<string, (input: unknown) => unknown>;
      return await domain[found.name]!(parsed.data);
    },
    on(event, listener) {
      const wrapped = (payload: unknown) => listener(payload as never);
      emitter.on(event, wrapped);
      return () => emitter.off(event, wrapped);
    },
    emit(event, payload) {
      emitter.emit(event, payload);
    },
    close() {
      search.close();
      db.close();
    },
  };
}
