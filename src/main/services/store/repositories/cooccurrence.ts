import type { Db } from '../db';

export interface GraphFilter {
  sourceId?: string;
  /** Inclusive ISO prefixes compared with each source's issued date. */
  from?: string;
  to?: string;
}

/** Which entities share passages, counted over each source's current text only. */
export function cooccurrenceRepository(db: Db) {
  const SCOPE = `JOIN passage p ON p.id = a.passage_id JOIN source s ON s.current_version_id = p.version_id
   WHERE (@sourceId IS NULL OR s.id = @sourceId)
     AND (@from IS NULL OR json_extract(s.metadata, '$.issued') >= @from)
     AND (@to IS NULL OR substr(json_extract(s.metadata, '$.issued'), 1, length(@to)) <= @to)`;
  const pairs = db.prepare(
    `SELECT a.entity_id AS source, b.entity_id AS target, count(DISTINCT a.passage_id) AS weight
       FROM mention a JOIN mention b ON b.passage_id = a.passage_id AND a.entity_id < b.entity_id ${SCOPE}
      GROUP BY a.entity_id, b.entity_id`,
  );
  const counts = db.prepare(
    `SELECT a.entity_id AS id, e.name, e.type, count(*) AS mentionCount FROM mention a JOIN entity e ON e.id = a.entity_id ${SCOPE}
      GROUP BY a.entity_id`,
  );
  const together = db.prepare(
    `SELECT DISTINCT s.id AS sourceId, json_extract(s.metadata, '$.title') AS sourceTitle, p.anchor AS passageAnchor,
            p.ordinal AS passageOrdinal, p.text
       FROM mention a JOIN mention b ON b.passage_id = a.passage_id AND b.entity_id = @b
       JOIN passage p ON p.id = a.passage_id JOIN source s ON s.current_version_id = p.version_id
      WHERE a.entity_id = @a ORDER BY s.created_at, s.id, p.ordinal LIMIT 500`,
  );
  const params = (f: GraphFilter) => ({ sourceId: f.sourceId ?? null, from: f.from ?? null, to: f.to ?? null });
  return {
    pairs: (f: GraphFilter) => pairs.all(params(f)) as { source: string; target: string; weight: number }[],
    counts: (f: GraphFilter) => counts.all(params(f)) as { id: string; name: string; type: string; mentionCount: number }[],
    together: (a: string, b: string) =>
      together.all({ a, b }) as {
        sourceId: string;
        sourceTitle: string | null;
        passageAnchor: string;
        passageOrdinal: number;
        text: string;
      }[],
  };
}
