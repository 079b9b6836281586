import { z } from 'zod';
import { call } from './define';
import { EntityId, EntityType } from './ids';
import type { EntityDetail, EntitySummary } from '../domain';

export const entities = {
  list: call(z.object({ type: EntityType.optional() }).strict()).returns<EntitySummary[]>(),
  get: call(z.object({ id: EntityId }).strict()).returns<EntityDetail>(),
  /** Resolves an id, a canonical name or an alias, as analysts type them on the command line. */
  resolve: call(z.object({ ref: z.string().trim().min(1, 'must not be empty').max(200) }).strict()).returns<EntitySummary>(),
} as const;
