import type { Db } from '../db';
import type { NoteRef } from '../../../../shared/notes';

export function linksRepository(db: Db) {
  const clear = db.prepare(`DELETE FROM link WHERE from_note_id = ?`);
  const insertNote = db.prepare(`INSERT INTO link (from_note_id, to_note_id, count) VALUES (?, ?, ?)`);
  const insertEntity = db.prepare(`INSERT INTO link (from_note_id, to_entity_id, count) VALUES (?, ?, ?)`);
  const toNote = db.prepare(
    `SELECT n.id, n.title, n.updated_at AS updatedAt FROM link l JOIN note n ON n.id = l.from_note_id
      WHERE l.to_note_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC`,
  );
  const toEntity = db.prepare(
    `SELECT n.id, n.title, n.updated_at AS updatedAt FROM link l JOIN note n ON n.id = l.from_note_id
      WHERE l.to_entity_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC`,
  );

  return {
    /** Links are derived from the document: each save replaces the note's set. */
    replace(fromNoteId: string, notes: Map<string, number>, entities: Map<string, number>): void {
      clear.run(fromNoteId);
      for (const [noteId, count] of notes) insertNote.run(fromNoteId, noteId, count);
      for (const [entityId, count] of entities) insertEntity.run(fromNoteId, entityId, count);
    },
    notesLinkingTo: (noteId: string) => toNote.all(noteId) as NoteRef[],
    notesMentioning: (entityId: string) => toEntity.all(entityId) as NoteRef[],
  };
}
