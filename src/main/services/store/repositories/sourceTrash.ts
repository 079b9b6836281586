import type { Db } from '../db';
import type { PassageRecord } from './passages';

type Row = Record<string, unknown> & { id: number };

/** A note that cites a source, with how many of its citations do. */
export interface CitingNoteRecord {
  id: string;
  title: string;
  citations: number;
  inTrash: boolean;
}

/** What a deletion pinned: each citation's status and history before, for Undo. */
interface PinnedBefore {
  id: number;
  status: string;
  history: string;
}

/**
 * Deleting a source moves its passages, mentions and possible mentions into source_trash (JSON
 * rows) and marks the source deleted; restoring puts them back. Rows are copied column by column
 * as the tables are now, so columns added by later migrations travel too.
 */
export function sourceTrashRepository(db: Db) {
  const citingNotes = db.prepare(
    `SELECT n.id, n.title, count(*) AS citations, n.deleted_at IS NOT NULL AS inTrash
       FROM citation c JOIN note n ON n.id = c.note_id WHERE c.source_id = ? GROUP BY n.id ORDER BY n.title, n.id`,
  );
  const passages = db.prepare(`SELECT p.* FROM passage p JOIN source_version v ON v.id = p.version_id WHERE v.source_id = ?`);
  const mentions = db.prepare(
    `SELECT m.* FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source_version v ON v.id = p.version_id WHERE v.source_id = ?`,
  );
  const possible = db.prepare(
    `SELECT m.* FROM possible_mention m JOIN passage p ON p.id = m.passage_id JOIN source_version v ON v.id = p.version_id WHERE v.source_id = ?`,
  );
  const citations = db.prepare(`SELECT id, status, history FROM citation WHERE source_id = ?`);
  const pin = db.prepare(`UPDATE citation SET status = 'pinned', history = json_insert(history, '$[#]', json(?)) WHERE id = ?`);
  const unpin = db.prepare(`UPDATE citation SET status = ?, history = ? WHERE id = ? AND status = 'pinned'`);
  const citationFor = db.prepare(
    `SELECT version_id AS versionId, exact, start, "end", passage_anchor AS passageAnchor FROM citation WHERE id = ?`,
  );
  const deletePassages = db.prepare(`DELETE FROM passage WHERE version_id IN (SELECT id FROM source_version WHERE source_id = ?)`);
  const insertTrash = db.prepare(
    `INSERT INTO source_trash (source_id, deleted_at, passages, mentions, possible, pinned) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const trashOf = db.prepare(`SELECT passages, mentions, possible, pinned FROM source_trash WHERE source_id = ?`);
  const removeTrash = db.prepare(`DELETE FROM source_trash WHERE source_id = ?`);
  const markDeleted = db.prepare(`UPDATE source SET deleted_at = ? WHERE id = ?`);
  const entityExists = db.prepare(`SELECT 1 FROM entity WHERE id = ?`).pluck();
  const revisionsQuoting = db
    .prepare(`SELECT count(*) FROM note_revision WHERE instr(document, '"sourceId":' || json_quote(?)) > 0`)
    .pluck();
  const deleteDecisions = db.prepare(`DELETE FROM entity_decision WHERE source_id = ?`);
  const deleteSource = db.prepare(`DELETE FROM source WHERE id = ?`);
  const recordPurge = db.prepare(`INSERT OR REPLACE INTO purged_source (source_id, title, purged_at) VALUES (?, ?, ?)`);
  const purgedRow = db.prepare(`SELECT title, purged_at AS purgedAt FROM purged_source WHERE source_id = ?`);

  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string) => {
    let set = columns.get(table);
    if (!set) {
      set = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      columns.set(table, set);
    }
    return set;
  };
  /** Inserts a trashed row under a new id (an old one may have been reused since). */
  const reinsert = (table: string, row: Row): number => {
    const names = Object.keys(row).filter((k) => k !== 'id' && columnsOf(table).has(k));
    const statement = db.prepare(
      `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    return Number(statement.run(...names.map((n) => row[n])).lastInsertRowid);
  };

  return {
    /**
     * A deleted source's passages of one version, as they were kept for Undo (in reading order):
     * the reader shows them, read-only, beside the banner that says the source was deleted.
     */
    trashedPassages(sourceId: string, versionId: string): PassageRecord[] {
      const trash = trashOf.get(sourceId) as { passages: string } | undefined;
      if (!trash) return [];
      return (JSON.parse(trash.passages) as Row[])
        .filter((row) => row.version_id === versionId)
        .map((row) => ({
          id: row.id,
          versionId,
          anchor: String(row.anchor),
          ordinal: Number(row.ordinal),
          kind: row.kind as PassageRecord['kind'],
          text: String(row.text),
          start: Number(row.start),
          end: Number(row.end),
          page: row.page === null || row.page === undefined ? null : Number(row.page),
        }))
        .sort((a, b) => a.ordinal - b.ordinal);
    },

    citingNotes: (sourceId: string) =>
      (citingNotes.all(sourceId) as (Omit<CitingNoteRecord, 'inTrash'> & { inTrash: number })[]).map((r) => ({
        ...r,
        inTrash: r.inTrash === 1,
      })),

    /** Takes the source out of the library; `pinReason` set, its citations keep their pinned version. Returns how many were pinned. */
    moveToTrash(sourceId: string, now: string, pinReason: string | null): number {
      const before = citations.all(sourceId) as PinnedBefore[];
      if (before.length > 0 && pinReason === null) throw new Error(`source ${sourceId} is cited`);
      for (const c of before) {
        const at = citationFor.get(c.id) as { versionId: string; exact: string; start: number; end: number; passageAnchor: string };
        const event = {
          at: now,
          action: 'keep-pinned',
          fromVersionId: at.versionId,
          toVersionId: at.versionId,
          method: 'none',
          status: 'pinned',
          score: 1,
          previous: { exact: at.exact, start: at.start, end: at.end, passageAnchor: at.passageAnchor },
          reason: pinReason,
        };
        pin.run(JSON.stringify(event), c.id);
      }
      insertTrash.run(
        sourceId,
        now,
        JSON.stringify(passages.all(sourceId)),
        JSON.stringify(mentions.all(sourceId)),
        JSON.stringify(possible.all(sourceId)),
        JSON.stringify(before),
      );
      deletePassages.run(sourceId);
      markDeleted.run(now, sourceId);
      return before.length;
    },

    /** How many note revisions quote the source (a restore would bring the citation back). */
    revisionsQuoting: (sourceId: string): number => Number(revisionsQuoting.get(sourceId)),

    /**
     * Deletes a source for good: the source row, and by cascade its versions, passages, mentions,
     * possible mentions, tags, suggestions and trash; its entity decisions (keyed by source id,
     * not a foreign key) too. A citation still pointing at it makes SQLite refuse (no cascade).
     */
    purge(sourceId: string, title: string | null, now: string): void {
      deleteDecisions.run(sourceId);
      deleteSource.run(sourceId);
      recordPurge.run(sourceId, title, now);
    },

    /** A source deleted for good, as remembered: its title and when. */
    purged: (sourceId: string) => purgedRow.get(sourceId) as { title: string | null; purgedAt: string } | undefined,

    /** Undoes a deletion: passages and the mentions of entities that still exist come back, pinned citations return to their status before. */
    restore(sourceId: string): void {
      const trash = trashOf.get(sourceId) as Record<'passages' | 'mentions' | 'possible' | 'pinned', string> | undefined;
      if (trash) {
        const ids = new Map<number, number>();
        for (const p of JSON.parse(trash.passages) as Row[]) ids.set(p.id, reinsert('passage', p));
        for (const [table, json] of [
          ['mention', trash.mentions],
          ['possible_mention', trash.possible],
        ] as const) {
          for (const m of JSON.parse(json) as Row[]) {
            const passageId = ids.get(m.passage_id as number);
            if (passageId !== undefined && entityExists.get(m.entity_id)) reinsert(table, { ...m, passage_id: passageId });
          }
        }
        for (const c of JSON.parse(trash.pinned) as PinnedBefore[]) unpin.run(c.status, c.history, c.id);
        removeTrash.run(sourceId);
      }
      markDeleted.run(null, sourceId);
    },
  };
}
