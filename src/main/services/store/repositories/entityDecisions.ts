import type { Db } from '../db';

export type DecisionKind = 'link' | 'dismiss';

/** Where a decision stands, by words rather than by passage id (migration 0009). */
export interface DecisionAnchor {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface EntityDecision extends DecisionAnchor {
  id: number;
  entityId: string;
  sourceId: string;
  kind: DecisionKind;
}

/** A person's decisions about mentions, by source, replayed after every (re)linking of it. */
export function entityDecisionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO entity_decision (entity_id, source_id, kind, exact, prefix, suffix, at)
     VALUES (@entityId, @sourceId, @kind, @exact, @prefix, @suffix, @at)
     ON CONFLICT (entity_id, source_id, kind, exact, prefix, suffix) DO UPDATE SET at = excluded.at`,
  );
  const remove = db.prepare(
    `DELETE FROM entity_decision
      WHERE entity_id = @entityId AND source_id = @sourceId AND kind = @kind AND exact = @exact AND prefix = @prefix AND suffix = @suffix`,
  );
  const forSource = db.prepare(
    `SELECT id, entity_id AS entityId, source_id AS sourceId, kind, exact, prefix, suffix FROM entity_decision WHERE source_id = ? ORDER BY id`,
  );
  return {
    /** Records a decision; the opposite decision on the same words, if any, is withdrawn. */
    record(d: Omit<EntityDecision, 'id'>): void {
      remove.run({ ...d, kind: d.kind === 'link' ? 'dismiss' : 'link' });
      insert.run({ ...d, at: new Date().toISOString() });
    },
    withdraw: (d: Omit<EntityDecision, 'id'>) => void remove.run(d),
    forSource: (sourceId: string) => forSource.all(sourceId) as EntityDecision[],
  };
}
