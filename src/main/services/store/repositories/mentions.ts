import type { Db } from '../db';
import type { LinkMethod, Mention, MentionOrigin } from '../../../../shared/domain';

export type { MentionOrigin };

export interface NewMention {
  entityId: string;
  passageId: number;
  start: number;
  end: number;
  surface: string;
  origin: MentionOrigin;
  /** How the link was made and how sure the linker was (migration 0007). */
  method: LinkMethod;
  confidence: number;
  /** The alias that matched; null for a person's own link. */
  alias: string | null;
}

/** A mention as the reader shows it (the contract's `Mention`), with the passage it is in. */
export type MentionRecord = Mention & { passageId: number };

/** A mention with its passage and source, for an entity's page. */
export interface MentionInContext {
  id: number;
  start: number;
  end: number;
  surface: string;
  passageText: string;
  passageAnchor: string;
  passageOrdinal: number;
  sourceId: string;
  sourceTitle: string | null;
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
    `SELECT m.id, m.passage_id AS passageId, m.entity_id AS entityId, e.type AS entityType, e.name AS entityName, m.start, m."end", m.surface,
            m.origin, m.method, m.confidence
       FROM mention m JOIN passage p ON p.id = m.passage_id JOIN entity e ON e.id = m.entity_id
      WHERE p.version_id = ? ORDER BY p.ordinal, m.start`,
  );
  // Only mentions in each source's current version count: older versions are history, not the library.
  // The title is read by SQLite itself: one string per row, no need to decode every source's details.
  const byEntity = db.prepare(
    `SELECT m.id, m.start, m."end", m.surface, p.text AS passageText, p.anchor AS passageAnchor, p.ordinal AS passageOrdinal,
            s.id AS sourceId, json_extract(s.metadata, '$.title') AS sourceTitle
       FROM mention m
       JOIN passage p ON p.id = m.passage_id
       JOIN source s ON s.current_version_id = p.version_id
      WHERE m.entity_id = ? ORDER BY s.created_at, s.id, p.ordinal, m.start`,
  );
  const stats = db.prepare(
    `SELECT m.entity_id AS entityId, count(*) AS mentions, count(DISTINCT s.id) AS sources
       FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source s ON s.current_version_id = p.version_id
      GROUP BY m.entity_id`,
  );
  const spansIn = db.prepare(`SELECT start, "end" FROM mention WHERE passage_id = ?`);
  const countByVersion = db.prepare(`SELECT count(*) AS n FROM mention m JOIN passage p ON p.id = m.passage_id WHERE p.version_id = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM mention`);

  return {
    insert: (mention: NewMention) => Number(insert.run(mention).lastInsertRowid),
    byVersion: (versionId: string) => byVersion.all(versionId) as MentionRecord[],
    byEntity: (entityId: string) => byEntity.all(entityId) as MentionInContext[],
    /** Mentions and distinct sources per entity, counting current texts only. */
    stats(): Map<string, { mentions: number; sources: number }> {
      const rows = stats.all() as { entityId: string; mentions: number; sources: number }[];
      return new Map(rows.map((r) => [r.entityId, { mentions: r.mentions, sources: r.sources }]));
    },
    /** The spans already linked in a passage, so a new link never overlaps one. */
    spansIn: (passageId: number) => spansIn.all(passageId) as { start: number; end: number }[],
    countByVersion: (versionId: string) => (countByVersion.get(versionId) as { n: number }).n,
    count: () => (count.get() as { n: number }).n,
    deleteMachineMade: (versionId: string) => deleteMachineMade.run(versionId).changes,
  };
}
