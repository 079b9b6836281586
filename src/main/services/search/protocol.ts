import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import type { HostOptions, ProgressReport } from './host';

/** Messages between the search service (serving thread) and the search worker. */
export type ToWorker =
  | { type: 'query'; id: number; q: string; options: QueryOptions }
  /** Something committed: read the change log now rather than at the next look. */
  | { type: 'change' }
  /** Warm the query code up once the index answers (SearchHost.warmUp). */
  | { type: 'warmUp' }
  | { type: 'rebuild'; id: number }
  | { type: 'flush'; id: number }
  | { type: 'status'; id: number };

export type FromWorker =
  | { type: 'status'; status: SearchStatus }
  | { type: 'progress'; progress: ProgressReport }
  | { type: 'reply'; id: number; result?: SearchResponse | SearchStatus | null; error?: string; unavailable?: boolean };

export type WorkerInit = HostOptions;

/** The index cannot answer now (being built, or failed): the caller gets the app's 'unavailable'. */
export class SearchUnavailable extends Error {
  readonly unavailable = true;
}
