import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { EntityId, EntityType, SourceId } from './ids';
import type {
  CoMention,
  EntityDetail,
  EntityEdit,
  EntityExportFile,
  EntityGraph,
  EntitySummary,
  PossibleMentionInContext,
  TimelineItem,
} from '../domain';

const Name = lazy(() => z.string().trim().min(1, 'must not be empty').max(200));
const MentionId = lazy(() => z.number().int().positive());

export const entities = {
  list: call(() => z.object({ type: EntityType().optional() }).strict()).returns<EntitySummary[]>(),
  get: call(() => z.object({ id: EntityId() }).strict()).returns<EntityDetail>(),
  /** Resolves an id, a canonical name or an alias, as analysts type them on the command line. */
  resolve: call(() => z.object({ ref: z.string().trim().min(1, 'must not be empty').max(200) }).strict()).returns<EntitySummary>(),

  // The workbench: each decision is kept in the entity's history and can be undone.
  create: call(() =>
    z
      .object({
        type: EntityType(),
        name: Name(),
        aliases: z.array(Name()).max(50).optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
  ).returns<EntitySummary>(),
  rename: call(() => z.object({ id: EntityId(), name: Name() }).strict()).returns<EntitySummary>(),
  setType: call(() => z.object({ id: EntityId(), type: EntityType() }).strict()).returns<EntitySummary>(),
  addAlias: call(() => z.object({ id: EntityId(), alias: Name() }).strict()).returns<EntitySummary>(),
  removeAlias: call(() => z.object({ id: EntityId(), alias: Name() }).strict()).returns<EntitySummary>(),
  /** `id` is absorbed into `into`: its names, a person's links and notes' @mentions move; `id` keeps resolving. */
  merge: call(() => z.object({ id: EntityId(), into: EntityId() }).strict()).returns<EntitySummary>(),
  /** The chosen mentions move to a new entity called `name`. */
  split: call(() =>
    z.object({ id: EntityId(), mentionIds: z.array(MentionId()).min(1).max(10_000), name: Name(), type: EntityType().optional() }).strict(),
  ).returns<EntitySummary>(),
  delete: call(() => z.object({ id: EntityId() }).strict()).returns<{ deleted: string }>(),
  /** This span is not the entity: the link goes, and re-linking never makes it again. */
  unlinkMention: call(() => z.object({ mentionId: MentionId() }).strict()).returns<{ entityId: string }>(),
  /** Links a span of a passage (a selection in the reader, or a mention moved to another entity). */
  linkSpan: call(() =>
    z
      .object({
        passageId: z.number().int().positive(),
        start: z.number().int().min(0),
        end: z.number().int().positive(),
        entityId: EntityId(),
      })
      .strict()
      .refine((s) => s.end > s.start, 'end must be after start'),
  ).returns<{ mentionId: number }>(),
  /** Spans a generic alias of the entity matched without support in their document, waiting for a person. */
  possibleMentions: call(() => z.object({ id: EntityId() }).strict()).returns<PossibleMentionInContext[]>(),
  /** Confirms possible mentions (they become links) or rejects them (never raised again): one decision in the history. */
  decidePossible: call(() =>
    z
      .object({
        id: EntityId(),
        possibleIds: z.array(z.number().int().positive()).min(1).max(10_000),
        verdict: z.enum(['confirm', 'reject']),
      })
      .strict(),
  ).returns<{ entityId: string; decided: number }>(),
  history: call(() => z.object({ id: EntityId() }).strict()).returns<EntityEdit[]>(),
  undo: call(() => z.object({ editId: z.number().int().positive() }).strict()).returns<EntityEdit>(),

  /** Co-occurrence of entities within passages, weighted by the number of passages. */
  graph: call(() =>
    z
      .object({
        types: z.array(EntityType()).optional(),
        sourceId: SourceId().optional(),
        from: z.string().max(10).optional(),
        to: z.string().max(10).optional(),
        minWeight: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ).returns<EntityGraph>(),
  /** Passages in which both entities appear: what an edge of the graph stands for. */
  coMentions: call(() => z.object({ a: EntityId(), b: EntityId() }).strict()).returns<CoMention[]>(),
  timeline: call(() => z.object({ entityId: EntityId().optional(), types: z.array(EntityType()).optional() }).strict()).returns<
    TimelineItem[]
  >(),
  /**
   * The entities, every mention, the graph or the timeline as a file, with the filters the views
   * show: what the app's Export buttons download and the CLI prints (`entities --format`, `graph
   * --graphml`, `timeline --csv`). CSV cells never start a spreadsheet formula.
   */
  exportFile: call(() =>
    z.discriminatedUnion('what', [
      z.object({ what: z.literal('entities'), format: z.enum(['csv', 'json']), type: EntityType().optional() }).strict(),
      z.object({ what: z.literal('mentions'), format: z.enum(['csv', 'json']), type: EntityType().optional() }).strict(),
      z
        .object({
          what: z.literal('graph'),
          format: z.enum(['json', 'graphml', 'gexf']),
          types: z.array(EntityType()).optional(),
          sourceId: SourceId().optional(),
          from: z.string().max(10).optional(),
          to: z.string().max(10).optional(),
          minWeight: z.number().int().min(1).max(1000).optional(),
        })
        .strict(),
      z
        .object({
          what: z.literal('timeline'),
          format: z.enum(['csv', 'json']),
          entityId: EntityId().optional(),
          types: z.array(EntityType()).optional(),
        })
        .strict(),
    ]),
  ).returns<EntityExportFile>(),
} as const;
