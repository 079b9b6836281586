import type { EntityDetail, EntitySummary, EntityType, PossibleMentionInContext } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { EntityRecord } from '../store/repositories/entities';
import type { Store } from '../store/store';

export type EntitiesService = ReturnType<typeof createEntitiesService>;

export function createEntitiesService(store: Store) {
  const { repos } = store;

  function summaries(entities: EntityRecord[]): EntitySummary[] {
    const stats = repos.mentions.stats();
    return entities.map((entity) => ({
      id: entity.id,
      type: entity.type,
      name: entity.name,
      aliases: [...new Set(repos.entities.aliases(entity.id).map((a) => a.alias))].filter((a) => a !== entity.name),
      description: entity.description,
      date: entity.date,
      mentionCount: stats.get(entity.id)?.mentions ?? 0,
      sourceCount: stats.get(entity.id)?.sources ?? 0,
    }));
  }

  /** An entity with every mention in the library's current texts, each split around the match so no one builds markup. */
  function get(requested: string): EntityDetail {
    // A merged id keeps resolving to the entity it became part of.
    const id = repos.entities.get(requested) ? requested : (repos.entityEdits.redirectOf(requested) ?? requested);
    const entity = repos.entities.get(id);
    if (!entity) throw new ApiError('not_found', `No entity with id "${id}".`);
    const [summary] = summaries([entity]);
    const mentions = repos.mentions.byEntity(id).map((m) => ({
      mentionId: m.id,
      sourceId: m.sourceId,
      sourceTitle: m.sourceTitle,
      passageAnchor: m.passageAnchor,
      passageOrdinal: m.passageOrdinal,
      surface: m.surface,
      before: m.passageText.slice(0, m.start),
      match: m.passageText.slice(m.start, m.end),
      after: m.passageText.slice(m.end),
    }));
    return { ...summary!, mentions };
  }

  /** An entity by id, or by any of its names. */
  function resolve(ref: string): EntitySummary {
    const id = repos.entities.get(ref) ? ref : (repos.entityEdits.redirectOf(ref) ?? repos.entities.findIdByAlias(ref));
    const entity = id === undefined ? undefined : repos.entities.get(id);
    if (!entity) throw new ApiError('not_found', `No entity is called "${ref}".`);
    return summaries([entity])[0]!;
  }

  function possibleMentions(id: string): PossibleMentionInContext[] {
    return repos.possibleMentions.inContext(id).map(({ passageText, start, end, ...m }) => ({
      ...m,
      before: passageText.slice(0, start),
      match: passageText.slice(start, end),
      after: passageText.slice(end),
    }));
  }

  const summary = (id: string) => summaries([repos.entities.get(id)!])[0]!;
  return { list: (type?: EntityType) => summaries(repos.entities.list(type)), get, resolve, summary, possibleMentions };
}
