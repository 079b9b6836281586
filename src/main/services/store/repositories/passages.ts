import type { Db } from '../db';
import type { PassageKind } from '../../../../shared/domain';

export interface PassageRow {
  id: number;
  version_id: string;
  anchor: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  start: number;
  end: number;
  page: number | null;
}

export type NewPassage = Omit<PassageRow, 'id' | 'version_id'>;

export function passagesRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO passage (version_id, anchor, ordinal, kind, text, start, "end", page)
     VALUES (@versionId, @anchor, @ordinal, @kind, @text, @start, @end, @page)`,
  );
  const byVersion = db.prepare(`SELECT * FROM passage WHERE version_id = ? ORDER BY ordinal`);
  const countByVersion = db.prepare(`SELECT count(*) AS n FROM passage WHERE version_id = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM passage`);

  return {
    insert(versionId: string, passage: NewPassage): number {
      return Number(insert.run({ versionId, ...passage }).lastInsertRowid);
    },
    byVersion: (versionId: string) => byVersion.all(versionId) as PassageRow[],
    countByVersion: (versionId: string) => (countByVersion.get(versionId) as { n: number }).n,
    count: () => (count.get() as { n: number }).n,
  };
}
