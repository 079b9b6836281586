import type { Db } from '../db';
import type { CitationStatus } from '../../../../shared/notes';

export interface CitationRow {
  id: number;
  note_id: string;
  key: string;
  source_id: string;
  version_id: string;
  version_sha256: string;
  /** SHA-256 of the pinned version's text when the citation was made or last moved to it. */
  text_sha256: string;
  passage_anchor: string;
  passage_ordinal: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  status: CitationStatus;
  history: string;
  created_at: string;
}

export interface NewCitation {
  noteId: string;
  key: string;
  sourceId: string;
  versionId: string;
  versionSha256: string;
  textSha256: string;
  passageAnchor: string;
  passageOrdinal: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  status: CitationStatus;
  history: string;
  now: string;
}

/** A re-anchoring decision rewrites where a citation points, never whose it is. */
export type AnchorUpdate = { id: number } & Omit<NewCitation, 'noteId' | 'key' | 'sourceId' | 'now'>;

export interface PassageCitationRow {
  passage_anchor: string;
  note_id: string;
  title: string;
  updated_at: string;
  n: number;
}

export function citationsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO citation (note_id, key, source_id, version_id, version_sha256, text_sha256, passage_anchor, passage_ordinal, exact, prefix, suffix, start, "end", status, history, created_at)
     VALUES (@noteId, @key, @sourceId, @versionId, @versionSha256, @textSha256, @passageAnchor, @passageOrdinal, @exact, @prefix, @suffix, @start, @end, @status, @history, @now)`,
  );
  const byNote = db.prepare(`SELECT * FROM citation WHERE note_id = ? ORDER BY id`);
  const byNoteKey = db.prepare(`SELECT * FROM citation WHERE note_id = ? AND key = ?`);
  const removeById = db.prepare(`DELETE FROM citation WHERE id = ?`);
  const bySourceStale = db.prepare(
    `SELECT c.* FROM citation c JOIN source s ON s.id = c.source_id
      WHERE c.source_id = ? AND (s.current_version_id IS NULL OR c.version_id <> s.current_version_id) ORDER BY c.id`,
  );
  const update = db.prepare(
    `UPDATE citation SET version_id = @versionId, version_sha256 = @versionSha256, text_sha256 = @textSha256, passage_anchor = @passageAnchor,
            passage_ordinal = @passageOrdinal, exact = @exact, prefix = @prefix, suffix = @suffix, start = @start, "end" = @end,
            status = @status, history = @history
      WHERE id = @id`,
  );
  // Only live notes and citations anchored in the source's current text count as backlinks.
  const byPassage = db.prepare(
    `SELECT c.passage_anchor, n.id AS note_id, n.title, n.updated_at, count(*) AS n
       FROM citation c JOIN note n ON n.id = c.note_id JOIN source s ON s.id = c.source_id
      WHERE c.source_id = ? AND c.version_id = s.current_version_id AND c.status IN ('current', 'moved') AND n.deleted_at IS NULL
      GROUP BY c.passage_anchor, n.id ORDER BY c.passage_anchor, n.updated_at DESC`,
  );
  const needingReview = db.prepare(
    `SELECT c.* FROM citation c JOIN note n ON n.id = c.note_id
      WHERE c.status IN ('changed', 'lost') AND n.deleted_at IS NULL ORDER BY n.updated_at DESC, c.id`,
  );

  return {
    insert: (citation: NewCitation) => Number(insert.run(citation).lastInsertRowid),
    byNote: (noteId: string) => byNote.all(noteId) as CitationRow[],
    byNoteKey: (noteId: string, key: string) => byNoteKey.get(noteId, key) as CitationRow | undefined,
    remove: (id: number) => void removeById.run(id),
    /** Citations anchored in another version than the source's current one (including those awaiting review). */
    staleForSource: (sourceId: string) => bySourceStale.all(sourceId) as CitationRow[],
    updateAnchor: (change: AnchorUpdate) => void update.run(change),
    byPassage: (sourceId: string) => byPassage.all(sourceId) as PassageCitationRow[],
    needingReview: () => needingReview.all() as CitationRow[],
  };
}
