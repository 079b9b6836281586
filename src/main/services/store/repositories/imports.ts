import type { Db } from '../db';
import type { EntitySuggestion, SuggestionStatus } from '../../../../shared/imports';

const SUGGESTION = `id, source_id AS sourceId, type, name, occurrences, status, entity_id AS entityId, role, alias_of AS aliasOf`;

/** What import adds to the store besides sources: suggestions, and the lookups that find a file already stored. */
export function importsRepository(db: Db) {
  const insertSuggestion = db.prepare(
    `INSERT INTO entity_suggestion (source_id, type, name, folded, occurrences, role, alias_of, created_at)
     VALUES (@sourceId, @type, @name, @folded, @occurrences, @role, @aliasOf, @createdAt)
     ON CONFLICT (source_id, type, folded) DO UPDATE SET occurrences = excluded.occurrences, role = excluded.role, alias_of = excluded.alias_of
     WHERE entity_suggestion.status = 'pending'`,
  );
  const suggestionById = db.prepare(`SELECT ${SUGGESTION} FROM entity_suggestion WHERE id = ?`);
  const listSuggestions = db.prepare(
    `SELECT ${SUGGESTION} FROM entity_suggestion
      WHERE (@sourceId IS NULL OR source_id = @sourceId) AND (@status IS NULL OR status = @status)
      ORDER BY source_id, occurrences DESC, name`,
  );
  const setSuggestionStatus = db.prepare(`UPDATE entity_suggestion SET status = ?, entity_id = ? WHERE id = ?`);
  const bySha = db.prepare(`SELECT id, source_id AS sourceId FROM source_version WHERE sha256 = ?`);
  const byCanonicalUrl = db.prepare(`SELECT id FROM source WHERE canonical_url = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`);
  const entityIdTaken = db.prepare(`SELECT 1 FROM entity WHERE id = ?`);

  return {
    addSuggestion(s: {
      sourceId: string;
      type: EntitySuggestion['type'];
      name: string;
      folded: string;
      occurrences: number;
      role: string | null;
      aliasOf: string | null;
    }): void {
      insertSuggestion.run({ ...s, createdAt: new Date().toISOString() });
    },
    suggestion: (id: number) => suggestionById.get(id) as EntitySuggestion | undefined,
    suggestions: (filter: { sourceId?: string; status?: SuggestionStatus }) =>
      listSuggestions.all({ sourceId: filter.sourceId ?? null, status: filter.status ?? null }) as EntitySuggestion[],
    setSuggestionStatus: (id: number, status: SuggestionStatus, entityId: string | null) =>
      void setSuggestionStatus.run(status, entityId, id),
    versionBySha: (sha256: string) => bySha.get(sha256) as { id: string; sourceId: string } | undefined,
    sourceByCanonicalUrl: (url: string) => (byCanonicalUrl.get(url) as { id: string } | undefined)?.id,
    entityIdTaken: (id: string) => entityIdTaken.get(id) !== undefined,
  };
}
