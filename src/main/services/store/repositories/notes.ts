import type { Db } from '../db';
import { NoteDocument } from '../../../../shared/contract/notes';
import type { SerializedNoteDocument } from '../../../../shared/notes';
import { decodeJson, decodeJsonAsWritten, TagsSchema, type Encoded } from './decode';

/** A note without its document: most reads need only this, and a document can be megabytes. */
export interface NoteRecord {
  id: string;
  title: string;
  plainText: string;
  tags: string[];
  /** Increments with every save that changed the title or document. */
  saveCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export type NoteListRecord = NoteRecord & { citationCount: number; reviewCount: number };

/**
 * A document is written as JSON the caller encoded once: one save stores it in the note and in a
 * revision, and compares it with the latest revision.
 */
export interface NoteContent {
  id: string;
  title: string;
  documentJson: string;
  plainText: string;
  now: string;
}

const NOTE = `n.id, n.title, n.plain_text AS plainText, n.tags, n.save_count AS saveCount, n.created_at AS createdAt,
              n.updated_at AS updatedAt, n.deleted_at AS deletedAt`;
const COUNTS = `(SELECT count(*) FROM citation c WHERE c.note_id = n.id) AS citationCount,
                (SELECT count(*) FROM citation c WHERE c.note_id = n.id AND c.status IN ('changed', 'lost')) AS reviewCount`;

function decodeNote<T extends NoteRecord>(row: Encoded<T, 'tags'>): Omit<T, 'tags'> & { tags: string[] } {
  return { ...row, tags: decodeJson(TagsSchema(), row.tags, `the tags of note ${row.id}`) };
}

export const decodeDocument = (json: string, what: string): SerializedNoteDocument => decodeJsonAsWritten(NoteDocument(), json, what);

export function notesRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO note (id, title, document, plain_text, tags, save_count, created_at, updated_at)
     VALUES (@id, @title, @documentJson, @plainText, @tags, 0, @now, @now)`,
  );
  // Only a change is a save: the same title and document leave save_count and updated_at alone.
  const saveContent = db.prepare(
    `UPDATE note SET title = @title, document = @documentJson, plain_text = @plainText, save_count = save_count + 1, updated_at = @now
      WHERE id = @id AND (document <> @documentJson OR title <> @title)`,
  );
  // Renaming and tagging leave save_count alone: it guards the document against overwrites, not the title.
  const setTitle = db.prepare(`UPDATE note SET title = ?, updated_at = ? WHERE id = ?`);
  const setTags = db.prepare(`UPDATE note SET tags = ?, updated_at = ? WHERE id = ?`);
  const setDeleted = db.prepare(`UPDATE note SET deleted_at = ? WHERE id = ?`);
  const byId = db.prepare(`SELECT ${NOTE} FROM note n WHERE n.id = ?`);
  const documentById = db.prepare(`SELECT document FROM note WHERE id = ?`);
  const listLive = db.prepare(`SELECT ${NOTE}, ${COUNTS} FROM note n WHERE n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id`);
  const listTrash = db.prepare(`SELECT ${NOTE}, ${COUNTS} FROM note n WHERE n.deleted_at IS NOT NULL ORDER BY n.deleted_at DESC, n.id`);
  const listOne = db.prepare(`SELECT ${NOTE}, ${COUNTS} FROM note n WHERE n.id = ?`);
  const trashed = db.prepare(`SELECT id FROM note WHERE deleted_at IS NOT NULL`);
  const remove = db.prepare(`DELETE FROM note WHERE id = ?`);

  return {
    insert(note: NoteContent & { tags: string[] }): void {
      insert.run({ ...note, tags: JSON.stringify(note.tags) });
    },
    /** Returns whether anything changed (and so was saved). */
    saveContent: (note: NoteContent) => saveContent.run(note).changes > 0,
    setTitle: (id: string, title: string, now: string) => void setTitle.run(title, now, id),
    setTags: (id: string, tags: string[], now: string) => void setTags.run(JSON.stringify(tags), now, id),
    setDeleted: (id: string, deletedAt: string | null) => void setDeleted.run(deletedAt, id),
    get(id: string): NoteRecord | undefined {
      const row = byId.get(id) as Encoded<NoteRecord, 'tags'> | undefined;
      return row && decodeNote(row);
    },
    document(id: string): SerializedNoteDocument | undefined {
      const row = documentById.get(id) as { document: string } | undefined;
      return row && decodeDocument(row.document, `the document of note ${id}`);
    },
    summary(id: string): NoteListRecord | undefined {
      const row = listOne.get(id) as Encoded<NoteListRecord, 'tags'> | undefined;
      return row && decodeNote(row);
    },
    list: (trash: boolean) => ((trash ? listTrash.all() : listLive.all()) as Encoded<NoteListRecord, 'tags'>[]).map(decodeNote),
    trashedIds: () => (trashed.all() as { id: string }[]).map((r) => r.id),
    remove: (id: string) => void remove.run(id),
  };
}
