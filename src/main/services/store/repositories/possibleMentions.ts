import type { Db } from '../db';

export interface NewPossibleMention {
  entityId: string;
  passageId: number;
  start: number;
  end: number;
  surface: string;
  alias: string;
  reason: string;
  confidence: number;
}

export interface PossibleMentionRecord {
  id: number;
  entityId: string;
  passageId: number;
  start: number;
  end: number;
  surface: string;
  alias: string;
  reason: string;
  confidence: number;
  status: 'open' | 'dismissed';
}

/**
 * Spans a generic alias matched where the document does not support the entity: kept for a person
 * to confirm or dismiss, and never counted as links. A dismissed one stays, so re-linking does not
 * raise the same question again.
 */
export function possibleMentionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO possible_mention (entity_id, passage_id, start, "end", surface, alias, reason, confidence)
     VALUES (@entityId, @passageId, @start, @end, @surface, @alias, @reason, @confidence)
     ON CONFLICT (passage_id, start, "end", entity_id) DO NOTHING`,
  );
  const COLUMNS = `pm.id, pm.entity_id AS entityId, pm.passage_id AS passageId, pm.start, pm."end", pm.surface, pm.alias, pm.reason,
                   pm.confidence, pm.status`;
  const byVersion = db.prepare(
    `SELECT ${COLUMNS} FROM possible_mention pm JOIN passage p ON p.id = pm.passage_id WHERE p.version_id = ? ORDER BY p.ordinal, pm.start`,
  );
  const byEntity = db.prepare(
    `SELECT ${COLUMNS} FROM possible_mention pm
       JOIN passage p ON p.id = pm.passage_id JOIN source s ON s.current_version_id = p.version_id
      WHERE pm.entity_id = ? AND pm.status = 'open' ORDER BY s.created_at, s.id, p.ordinal, pm.start`,
  );
  const inContext = db.prepare(
    `SELECT pm.id AS possibleId, pm.start, pm."end", pm.surface, pm.reason, p.text AS passageText, p.anchor AS passageAnchor,
            p.ordinal AS passageOrdinal, s.id AS sourceId, json_extract(s.metadata, '$.title') AS sourceTitle
       FROM possible_mention pm
       JOIN passage p ON p.id = pm.passage_id JOIN source s ON s.current_version_id = p.version_id
      WHERE pm.entity_id = ? AND pm.status = 'open' ORDER BY s.created_at, s.id, p.ordinal, pm.start`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM possible_mention pm WHERE pm.id = ?`);
  const clearOpen = db.prepare(
    `DELETE FROM possible_mention WHERE status = 'open' AND passage_id IN (SELECT id FROM passage WHERE version_id = ?)`,
  );
  const count = db.prepare(`SELECT count(*) AS n FROM possible_mention WHERE status = 'open'`);

  return {
    insert: (m: NewPossibleMention) => void insert.run(m),
    byVersion: (versionId: string) => byVersion.all(versionId) as PossibleMentionRecord[],
    byEntity: (entityId: string) => byEntity.all(entityId) as PossibleMentionRecord[],
    /** Open ones with their passage text and source, for a person to decide on. */
    inContext: (entityId: string) =>
      inContext.all(entityId) as {
        possibleId: number;
        start: number;
        end: number;
        surface: string;
        reason: string;
        passageText: string;
        passageAnchor: string;
        passageOrdinal: number;
        sourceId: string;
        sourceTitle: string | null;
      }[],
    get: (id: number) => byId.get(id) as PossibleMentionRecord | undefined,
    clearOpen: (versionId: string) => clearOpen.run(versionId).changes,
    count: () => (count.get() as { n: number }).n,
  };
}
