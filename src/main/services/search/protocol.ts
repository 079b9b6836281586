import type { Change } from '../../../shared/domain';
import type { SearchResponse, SearchStatus } from '../../../shared/search';
import type { QueryOptions } from './engine';
import type { HostOptions, ProgressReport } from './host';

/** Messages between the search service (serving thread) and the search worker. */
export type ToWorker =
  | { type: 'query'; id: number; q: string; options: QueryOptions }
  | { type: 'change'; change: Change }
  | { type: 'rebuild'; id: number }
  | { type: 'flush'; id: number };

export type FromWorker =
  | { type: 'status'; status: SearchStatus }
  | { type: 'progress'; progress: ProgressReport }
  | { type: 'reply'; id: number; result?: SearchResponse | SearchStatus | null; error?: string };

export type WorkerInit = HostOptions;
