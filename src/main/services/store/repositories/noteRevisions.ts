import type { Db } from '../db';
import type { RevisionReason } from '../../../../shared/notes';

export interface RevisionRow {
  id: number;
  note_id: string;
  title: string;
  document: string;
  plain_text: string;
  reason: RevisionReason;
  created_at: string;
}

export function noteRevisionsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO note_revision (note_id, title, document, plain_text, reason, created_at)
     VALUES (@noteId, @title, @document, @plainText, @reason, @now)`,
  );
  const latest = db.prepare(`SELECT * FROM note_revision WHERE note_id = ? ORDER BY id DESC LIMIT 1`);
  const byNote = db.prepare(
    `SELECT id, note_id, title, '' AS document, plain_text, reason, created_at FROM note_revision WHERE note_id = ? ORDER BY id DESC`,
  );
  const byId = db.prepare(`SELECT * FROM note_revision WHERE id = ?`);
  const updateContent = db.prepare(
    `UPDATE note_revision SET title = @title, document = @document, plain_text = @plainText WHERE id = @id AND reason = 'autosave'`,
  );

  return {
    insert: (revision: { noteId: string; title: string; document: string; plainText: string; reason: RevisionReason; now: string }) =>
      Number(insert.run(revision).lastInsertRowid),
    latest: (noteId: string) => latest.get(noteId) as RevisionRow | undefined,
    /** Without the documents: a long history lists quickly. */
    list: (noteId: string) => byNote.all(noteId) as RevisionRow[],
    get: (id: number) => byId.get(id) as RevisionRow | undefined,
    /** Coalescing: an autosave revision takes the newer text of the same stretch of typing. */
    updateContent: (revision: { id: number; title: string; document: string; plainText: string }) => void updateContent.run(revision),
  };
}
