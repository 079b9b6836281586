import type { Db } from '../db';
import type { EntityType } from '../../../../shared/domain';
import type { LinkMethod } from '../../entities/documentLinker';

export interface NewMention {
  entityId: string;
  passageId: number;
  start: number;
  end: number;
  surface: string;
  origin: 'curated' | 'linked' | 'suggested' | 'user';
  /** How the link was made and how sure the linker was (migration 0006). */
  method: LinkMethod;
  confidence: number;
  /** The alias that matched; null for a person's own link. */
  alias: string | null;
}

export interface MentionWithEntity {
  id: number;
  passage_id: number;
  entity_id: string;
  entity_type: EntityType;
  entity_name: string;
  start: number;
  end: number;
  surface: string;
  origin: NewMention['origin'];
  method: LinkMethod;
  confidence: number;
}

export interface MentionInContextRow {
  id: number;
  start: number;
  end: number;
  surface: string;
  passage_text: string;
  anchor: string;
  ordinal: number;
  source_id: string;
  source_metadata: string;
}

export function mentionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO mention (entity_id, passage_id, start, "end", surface, origin, method, confidence, alias)
     VALUES (@entityId, @passageId, @start, @end, @surface, @origin, @method, @confidence, @alias)`,
  );
  // Re-linking replaces what the linker made and keeps what a person made.
  const deleteMachineMade = db.prepare(
    `DELETE FROM mention WHERE origin <> 'user' AND passage_id IN (SELECT id FROM passage WHERE version_id = ?)`,
  );
  const byVersion = db.prepare(
    `SELECT m.id, m.passage_id, m.entity_id, e.type AS entity_type, e.name AS entity_name, m.start, m."end", m.surface,
            m.origin, m.method, m.confidence
       FROM mention m JOIN passage p ON p.id = m.passage_id JOIN entity e ON e.id = m.entity_id
      WHERE p.version_id = ? ORDER BY p.ordinal, m.start`,
  );
  // Only mentions in each source's current version count: older versions are history, not the library.
  const byEntity = db.prepare(
    `SELECT m.id, m.start, m."end", m.surface, p.text AS passage_text, p.anchor, p.ordinal, s.id AS source_id, s.metadata AS source_metadata
       FROM mention m
       JOIN passage p ON p.id = m.passage_id
       JOIN source s ON s.current_version_id = p.version_id
      WHERE m.entity_id = ? ORDER BY s.created_at, s.id, p.ordinal, m.start`,
  );
  const stats = db.prepare(
    `SELECT m.entity_id, count(*) AS mentions, count(DISTINCT s.id) AS sources
       FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source s ON s.current_version_id = p.version_id
      GROUP BY m.entity_id`,
  );
  const countByVersion = db.prepare(`SELECT count(*) AS n FROM mention m JOIN passage p ON p.id = m.passage_id WHERE p.version_id = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM mention`);

  return {
    insert: (mention: NewMention) => Number(insert.run(mention).lastInsertRowid),
    byVersion: (versionId: string) => byVersion.all(versionId) as MentionWithEntity[],
    byEntity: (entityId: string) => byEntity.all(entityId) as MentionInContextRow[],
    stats(): Map<string, { mentions: number; sources: number }> {
      const rows = stats.all() as { entity_id: string; mentions: number; sources: number }[];
      return new Map(rows.map((r) => [r.entity_id, { mentions: r.mentions, sources: r.sources }]));
    },
    countByVersion: (versionId: string) => (countByVersion.get(versionId) as { n: number }).n,
    count: () => (count.get() as { n: number }).n,
    deleteMachineMade: (versionId: string) => deleteMachineMade.run(versionId).changes,
  };
}
