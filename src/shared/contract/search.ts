import { z } from 'zod';
import { call } from './define';
import { EntityType } from './ids';
import type { SearchResponse, SearchStatus } from '../search';

const DatePart = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');

export const SearchFiltersInput = z
  .object({
    entity: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
    source: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
    type: z.array(EntityType).max(5).optional(),
    from: DatePart.optional(),
    to: DatePart.optional(),
    undated: z.enum(['include', 'exclude']).optional(),
  })
  .strict();

export const search = {
  /** Words, "phrases" and entity:/source:/type:/from:/to: filters; results grouped by kind, best first. */
  query: call(
    z
      .object({
        q: z.string().max(500, 'must be at most 500 characters'),
        /** Hits per kind. */
        limit: z.number().int().min(1).max(200).optional(),
        filters: SearchFiltersInput.optional(),
        kinds: z
          .array(z.enum(['passage', 'source', 'entity', 'note']))
          .min(1)
          .optional(),
      })
      .strict(),
  ).returns<SearchResponse>(),
  status: call(z.object({}).strict()).returns<SearchStatus>(),
  /** Discards the index and builds it again from SQLite, reporting progress. */
  rebuild: call(z.object({}).strict()).returns<SearchStatus>(),
} as const;
