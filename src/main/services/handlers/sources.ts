import type { Handlers } from '../../../shared/contract';
import type { SourceMetadata, SourceSummary, Passage, Mention } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Repositories } from '../store/repositories';
import type { SourceRow } from '../store/repositories/sources';

function summarize(repos: Repositories, row: SourceRow): SourceSummary {
  const version = row.current_version_id ? repos.sources.version(row.current_version_id) : undefined;
  if (!version) throw new ApiError('internal', `Source ${row.id} has no text version.`);
  return {
    id: row.id,
    kind: row.kind,
    metadata: JSON.parse(row.metadata) as SourceMetadata,
    passageCount: repos.passages.countByVersion(version.id),
    mentionCount: repos.mentions.countByVersion(version.id),
    versionId: version.id,
    sha256: version.sha256,
    fileName: version.file_name,
  };
}

export function sourceHandlers(repos: Repositories): Handlers['sources'] {
  return {
    list: () => repos.sources.list().map((row) => summarize(repos, row)),
    get: ({ id }) => {
      const row = repos.sources.get(id);
      if (!row) throw new ApiError('not_found', `No source with id "${id}".`);
      const summary = summarize(repos, row);
      const byPassage = new Map<number, Mention[]>();
      for (const m of repos.mentions.byVersion(summary.versionId)) {
        const list = byPassage.get(m.passage_id) ?? [];
        list.push({
          id: m.id,
          entityId: m.entity_id,
          entityType: m.entity_type,
          entityName: m.entity_name,
          start: m.start,
          end: m.end,
          surface: m.surface,
        });
        byPassage.set(m.passage_id, list);
      }
      const passages: Passage[] = repos.passages.byVersion(summary.versionId).map((p) => ({
        id: p.id,
        anchor: p.anchor,
        ordinal: p.ordinal,
        kind: p.kind,
        text: p.text,
        start: p.start,
        end: p.end,
        page: p.page,
        mentions: byPassage.get(p.id) ?? [],
      }));
      return { ...summary, passages };
    },
  };
}
