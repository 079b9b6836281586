import type { Db } from '../db';
import type { RevisionReason, SerializedNoteDocument } from '../../../../shared/notes';
import { decodeDocument } from './notes';

/** A revision without its document: a long history lists quickly. */
export interface RevisionRecord {
  id: number;
  noteId: string;
  title: string;
  plainText: string;
  reason: RevisionReason;
  createdAt: string;
}

export type RevisionWithDocument = RevisionRecord & { document: SerializedNoteDocument };

const REVISION = `id, note_id AS noteId, title, plain_text AS plainText, reason, created_at AS createdAt`;

export function noteRevisionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO note_revision (note_id, title, document, plain_text, reason, created_at)
     VALUES (@noteId, @title, @documentJson, @plainText, @reason, @now)`,
  );
  const latest = db.prepare(`SELECT ${REVISION} FROM note_revision WHERE note_id = ? ORDER BY id DESC LIMIT 1`);
  const latestHolds = db.prepare(
    `SELECT 1 FROM note_revision WHERE id = (SELECT max(id) FROM note_revision WHERE note_id = ?) AND title = ? AND document = ?`,
  );
  // The note's current text, unless the latest revision already holds it; compared inside SQLite, never copied out.
  const snapshotNote = db.prepare(
    `INSERT INTO note_revision (note_id, title, document, plain_text, reason, created_at)
     SELECT n.id, n.title, n.document, n.plain_text, @reason, @now FROM note n
      WHERE n.id = @noteId AND NOT EXISTS (
        SELECT 1 FROM note_revision r
         WHERE r.id = (SELECT max(id) FROM note_revision WHERE note_id = n.id) AND r.document = n.document AND r.title = n.title)`,
  );
  const byNote = db.prepare(`SELECT ${REVISION} FROM note_revision WHERE note_id = ? ORDER BY id DESC`);
  const byId = db.prepare(`SELECT ${REVISION}, document FROM note_revision WHERE id = ?`);
  const updateContent = db.prepare(
    `UPDATE note_revision SET title = @title, document = @documentJson, plain_text = @plainText WHERE id = @id AND reason = 'autosave'`,
  );

  return {
    insert: (revision: { noteId: string; title: string; documentJson: string; plainText: string; reason: RevisionReason; now: string }) =>
      Number(insert.run(revision).lastInsertRowid),
    latest: (noteId: string) => latest.get(noteId) as RevisionRecord | undefined,
    /** Whether the latest revision of a note already holds this title and document. */
    latestHolds: (noteId: string, title: string, documentJson: string) => latestHolds.get(noteId, title, documentJson) !== undefined,
    /** Records the note as it is now, unless its latest revision already holds exactly that. */
    snapshotNote: (noteId: string, reason: RevisionReason, now: string) => void snapshotNote.run({ noteId, reason, now }),
    list: (noteId: string) => byNote.all(noteId) as RevisionRecord[],
    get(id: number): RevisionWithDocument | undefined {
      const row = byId.get(id) as (RevisionRecord & { document: string }) | undefined;
      return row && { ...row, document: decodeDocument(row.document, `revision ${id}`) };
    },
    /** Coalescing: an autosave revision takes the newer text of the same stretch of typing. */
    updateContent: (revision: { id: number; title: string; documentJson: string; plainText: string }) => void updateContent.run(revision),
  };
}
