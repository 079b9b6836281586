import { z } from 'zod';

export const SourceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a source id such as "seed-000"');
export const EntityId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be an entity id such as "mss"');
export const EntityType = z.enum(['person', 'organization', 'place', 'law', 'event']);
export type EntityType = z.infer<typeof EntityType>;
export const ENTITY_TYPES: readonly EntityType[] = EntityType.options;
