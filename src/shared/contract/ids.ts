import { z } from 'zod';
import { lazy } from '../lazy';

export const ENTITY_TYPES = ['person', 'organization', 'place', 'law', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

// Built on first use, like every schema of the contract (see define.ts).
export const SourceId = lazy(() => z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a source id such as "seed-000"'));
export const EntityId = lazy(() => z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be an entity id such as "mss"'));
export const EntityType = lazy(() => z.enum(ENTITY_TYPES));
