import type { Db } from '../db';
import type { Passage } from '../../../../shared/domain';

/** A passage as stored: the contract's `Passage` without its mentions, with the version it belongs to. */
export type PassageRecord = Omit<Passage, 'mentions'> & { versionId: string };

export type NewPassage = Omit<PassageRecord, 'id' | 'versionId'>;

const PASSAGE = `id, version_id AS versionId, anchor, ordinal, kind, text, start, "end", page`;

export function passagesRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO passage (version_id, anchor, ordinal, kind, text, start, "end", page)
     VALUES (@versionId, @anchor, @ordinal, @kind, @text, @start, @end, @page)`,
  );
  const byVersion = db.prepare(`SELECT ${PASSAGE} FROM passage WHERE version_id = ? ORDER BY ordinal`);
  // Pre-filters passages by a word before a linker looks at them; current texts only, older versions are history.
  const currentContaining = db.prepare(
    `SELECT p.id, p.text, s.id AS sourceId FROM passage p JOIN source s ON s.current_version_id = p.version_id
      WHERE p.text LIKE ? ESCAPE '\\'`,
  );
  const countByVersion = db.prepare(`SELECT count(*) AS n FROM passage WHERE version_id = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM passage`);

  return {
    insert(versionId: string, passage: NewPassage): number {
      return Number(insert.run({ versionId, ...passage }).lastInsertRowid);
    },
    byVersion: (versionId: string) => byVersion.all(versionId) as PassageRecord[],
    /** Passages of every source's current text that contain `word` (case-insensitive for ASCII, as SQLite's LIKE). */
    currentContaining: (word: string) =>
      currentContaining.all(`%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) as { id: number; text: string; sourceId: string }[],
    countByVersion: (versionId: string) => (countByVersion.get(versionId) as { n: number }).n,
    count: () => (count.get() as { n: number }).n,
  };
}
