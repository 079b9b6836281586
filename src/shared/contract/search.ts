import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { EntityType } from './ids';
import type { BatchResult, SavedSearch, SearchResponse, SearchStatus } from '../search';

const DatePart = lazy(() => z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'));

export const SearchFiltersInput = lazy(() =>
  z
    .object({
      entity: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
      source: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
      type: z.array(EntityType()).max(5).optional(),
      from: DatePart().optional(),
      to: DatePart().optional(),
      undated: z.enum(['include', 'exclude']).optional(),
    })
    .strict(),
);

export const search = {
  /** Words, "phrases" and entity:/source:/type:/from:/to: filters; results grouped by kind, best first. */
  query: call(() =>
    z
      .object({
        q: z.string().max(500, 'must be at most 500 characters'),
        /** Hits per kind. */
        limit: z.number().int().min(1).max(200).optional(),
        filters: SearchFiltersInput().optional(),
        kinds: z
          .array(z.enum(['passage', 'source', 'entity', 'note']))
          .min(1)
          .optional(),
        /** Count every matching passage by source (batch search, saved searches). */
        perSource: z.boolean().optional(),
      })
      .strict(),
  ).returns<SearchResponse>(),
  /** Saved searches, newest first. */
  listSaved: call(() => z.object({}).strict()).returns<SavedSearch[]>(),
  /** Keeps a query to run again on every import; saving the same query twice returns the first. */
  save: call(() =>
    z.object({ query: z.string().trim().min(1).max(500), filters: SearchFiltersInput().optional() }).strict(),
  ).returns<SavedSearch>(),
  removeSaved: call(() => z.object({ id: z.string().min(1).max(100) }).strict()).returns<{ removed: boolean }>(),
  /** Each term searched on its own: its passages counted by source. Terms come one per line or from CSV. */
  batch: call(() =>
    z
      .object({
        terms: z.array(z.string().max(500)).min(1, 'needs at least one term').max(1000, 'at most 1,000 terms at a time'),
        filters: SearchFiltersInput().optional(),
      })
      .strict(),
  ).returns<BatchResult>(),
  status: call(() => z.object({}).strict()).returns<SearchStatus>(),
  /** Discards the index and builds it again from SQLite, reporting progress. */
  rebuild: call(() => z.object({}).strict()).returns<SearchStatus>(),
} as const;
