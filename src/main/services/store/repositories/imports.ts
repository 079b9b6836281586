import type { Db } from '../db';
import type { SourceMetadata } from '../../../../shared/domain';
import type { EntitySuggestion, SuggestionStatus } from '../../../../shared/imports';

interface SuggestionRow {
  id: number;
  source_id: string;
  type: EntitySuggestion['type'];
  name: string;
  occurrences: number;
  status: SuggestionStatus;
  entity_id: string | null;
  role: string | null;
  alias_of: string | null;
}

const toSuggestion = (r: SuggestionRow): EntitySuggestion => ({
  id: r.id,
  sourceId: r.source_id,
  type: r.type,
  name: r.name,
  occurrences: r.occurrences,
  status: r.status,
  entityId: r.entity_id,
  role: r.role,
  aliasOf: r.alias_of,
});

/** What import adds to the store: suggestions, and the source updates a new version or an edit makes. */
export function importsRepository(db: Db) {
  const insertSuggestion = db.prepare(
    `INSERT INTO entity_suggestion (source_id, type, name, folded, occurrences, role, alias_of, created_at)
     VALUES (@sourceId, @type, @name, @folded, @occurrences, @role, @aliasOf, @createdAt)
     ON CONFLICT (source_id, type, folded) DO UPDATE SET occurrences = excluded.occurrences, role = excluded.role, alias_of = excluded.alias_of
     WHERE entity_suggestion.status = 'pending'`,
  );
  const suggestionById = db.prepare(`SELECT * FROM entity_suggestion WHERE id = ?`);
  const listSuggestions = db.prepare(
    `SELECT * FROM entity_suggestion
      WHERE (@sourceId IS NULL OR source_id = @sourceId) AND (@status IS NULL OR status = @status)
      ORDER BY source_id, occurrences DESC, name`,
  );
  const setSuggestionStatus = db.prepare(`UPDATE entity_suggestion SET status = ?, entity_id = ? WHERE id = ?`);
  const bySha = db.prepare(`SELECT id, source_id FROM source_version WHERE sha256 = ?`);
  const byCanonicalUrl = db.prepare(`SELECT id FROM source WHERE canonical_url = ? ORDER BY created_at LIMIT 1`);
  const setSource = db.prepare(`UPDATE source SET metadata = ?, canonical_url = ? WHERE id = ?`);
  const entityIdTaken = db.prepare(`SELECT 1 FROM entity WHERE id = ?`);
  const currentPassages = db.prepare(
    `SELECT p.id, p.text, s.id AS source_id FROM passage p JOIN source s ON s.current_version_id = p.version_id`,
  );
  const mentionSpans = db.prepare(`SELECT passage_id, start, "end" FROM mention`);

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
    suggestion: (id: number) => {
      const row = suggestionById.get(id) as SuggestionRow | undefined;
      return row && toSuggestion(row);
    },
    suggestions: (filter: { sourceId?: string; status?: SuggestionStatus }) =>
      (listSuggestions.all({ sourceId: filter.sourceId ?? null, status: filter.status ?? null }) as SuggestionRow[]).map(toSuggestion),
    setSuggestionStatus: (id: number, status: SuggestionStatus, entityId: string | null) =>
      void setSuggestionStatus.run(status, entityId, id),
    versionBySha: (sha256: string) => bySha.get(sha256) as { id: string; source_id: string } | undefined,
    sourceByCanonicalUrl: (url: string) => (byCanonicalUrl.get(url) as { id: string } | undefined)?.id,
    updateSource: (id: string, metadata: SourceMetadata, canonicalUrl: string | null) =>
      void setSource.run(JSON.stringify(metadata), canonicalUrl, id),
    entityIdTaken: (id: string) => entityIdTaken.get(id) !== undefined,
    currentPassages: () => currentPassages.all() as { id: number; text: string; source_id: string }[],
    mentionSpans: () => mentionSpans.all() as { passage_id: number; start: number; end: number }[],
  };
}
