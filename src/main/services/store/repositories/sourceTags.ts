import type { Db } from '../db';

/** A person's labels on sources (migration 0008); one tag per source whatever its case. */
export function sourceTagsRepository(db: Db) {
  const bySource = db.prepare(`SELECT tag FROM source_tag WHERE source_id = ? ORDER BY tag`).pluck();
  const all = db.prepare(`SELECT source_id AS sourceId, tag FROM source_tag ORDER BY tag`);
  const add = db.prepare(`INSERT OR IGNORE INTO source_tag (source_id, tag, created_at) VALUES (?, ?, ?)`);
  const remove = db.prepare(`DELETE FROM source_tag WHERE source_id = ? AND tag = ?`);
  const countOf = db.prepare(`SELECT count(*) FROM source_tag WHERE tag = ?`).pluck();
  const rename = db.prepare(`UPDATE OR IGNORE source_tag SET tag = ? WHERE tag = ?`);
  const removeEverywhere = db.prepare(`DELETE FROM source_tag WHERE tag = ?`);

  return {
    bySource: (sourceId: string) => bySource.all(sourceId) as string[],
    /** Every source's tags, for the library list. */
    all(): Map<string, string[]> {
      const out = new Map<string, string[]>();
      for (const { sourceId, tag } of all.all() as { sourceId: string; tag: string }[]) {
        const list = out.get(sourceId) ?? [];
        list.push(tag);
        out.set(sourceId, list);
      }
      return out;
    },
    /** Adds a tag; a tag the source already has (in any case) is left as it is. */
    add: (sourceId: string, tag: string, now: string) => add.run(sourceId, tag, now).changes > 0,
    remove: (sourceId: string, tag: string) => remove.run(sourceId, tag).changes > 0,
    /**
     * Renames a tag on every source; a source that already has the new tag keeps one. Returns how
     * many sources had the old tag.
     */
    rename(from: string, to: string): number {
      const count = countOf.get(from) as number;
      rename.run(to, from);
      // Rows the rename skipped belong to sources that already had `to`: the old tag goes. A change of
      // case alone matches its own renamed rows, which must stay.
      if (from.toLowerCase() !== to.toLowerCase()) removeEverywhere.run(from);
      return count;
    },
  };
}
