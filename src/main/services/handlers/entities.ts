import type { Handlers } from '../../../shared/contract';
import type { EntityDetail, EntitySummary, SourceMetadata } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Repositories } from '../store/repositories';
import type { EntityRow } from '../store/repositories/entities';

function summaries(repos: Repositories, rows: EntityRow[]): EntitySummary[] {
  const stats = repos.mentions.stats();
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    aliases: [...new Set(repos.entities.aliases(row.id).map((a) => a.alias))].filter((a) => a !== row.name),
    description: row.description,
    date: row.date,
    mentionCount: stats.get(row.id)?.mentions ?? 0,
    sourceCount: stats.get(row.id)?.sources ?? 0,
  }));
}

export function entityHandlers(repos: Repositories): Handlers['entities'] {
  const detail = (id: string): EntityDetail => {
    const row = repos.entities.get(id);
    if (!row) throw new ApiError('not_found', `No entity with id "${id}".`);
    const [summary] = summaries(repos, [row]);
    const mentions = repos.mentions.byEntity(id).map((m) => ({
      mentionId: m.id,
      sourceId: m.source_id,
      sourceTitle: (JSON.parse(m.source_metadata) as SourceMetadata).title,
      passageAnchor: m.anchor,
      passageOrdinal: m.ordinal,
      surface: m.surface,
      before: m.passage_text.slice(0, m.start),
      match: m.passage_text.slice(m.start, m.end),
      after: m.passage_text.slice(m.end),
    }));
    return { ...summary!, mentions };
  };

  return {
    list: ({ type }) => summaries(repos, repos.entities.list(type)),
    get: ({ id }) => detail(id),
    resolve: ({ ref }) => {
      const id = repos.entities.get(ref) ? ref : repos.entities.findIdByAlias(ref);
      if (!id) throw new ApiError('not_found', `No entity is called "${ref}".`);
      return summaries(repos, [repos.entities.get(id)!])[0]!;
    },
  };
}
