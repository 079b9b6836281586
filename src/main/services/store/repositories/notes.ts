import type { Db } from '../db';

export interface NoteRow {
  id: string;
  title: string;
  document: string;
  plain_text: string;
  tags: string;
  save_count: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type NoteListRow = Omit<NoteRow, 'document'> & { citation_count: number; review_count: number };

export function notesRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO note (id, title, document, plain_text, tags, save_count, created_at, updated_at)
     VALUES (@id, @title, @document, @plainText, @tags, 0, @now, @now)`,
  );
  const saveContent = db.prepare(
    `UPDATE note SET title = @title, document = @document, plain_text = @plainText, save_count = save_count + 1, updated_at = @now
      WHERE id = @id`,
  );
  // Renaming and tagging leave save_count alone: it guards the document against overwrites, not the title.
  const setTitle = db.prepare(`UPDATE note SET title = ?, updated_at = ? WHERE id = ?`);
  const setTags = db.prepare(`UPDATE note SET tags = ?, updated_at = ? WHERE id = ?`);
  const setDeleted = db.prepare(`UPDATE note SET deleted_at = ? WHERE id = ?`);
  const byId = db.prepare(`SELECT * FROM note WHERE id = ?`);
  const counts = `(SELECT count(*) FROM citation c WHERE c.note_id = n.id) AS citation_count,
                  (SELECT count(*) FROM citation c WHERE c.note_id = n.id AND c.status IN ('changed', 'lost')) AS review_count`;
  const listLive = db.prepare(
    `SELECT n.id, n.title, n.plain_text, n.tags, n.save_count, n.created_at, n.updated_at, n.deleted_at, ${counts}
       FROM note n WHERE n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id`,
  );
  const listTrash = db.prepare(
    `SELECT n.id, n.title, n.plain_text, n.tags, n.save_count, n.created_at, n.updated_at, n.deleted_at, ${counts}
       FROM note n WHERE n.deleted_at IS NOT NULL ORDER BY n.deleted_at DESC, n.id`,
  );
  const listOne = db.prepare(
    `SELECT n.id, n.title, n.plain_text, n.tags, n.save_count, n.created_at, n.updated_at, n.deleted_at, ${counts}
       FROM note n WHERE n.id = ?`,
  );
  const trashed = db.prepare(`SELECT id FROM note WHERE deleted_at IS NOT NULL`);
  const remove = db.prepare(`DELETE FROM note WHERE id = ?`);

  return {
    insert(note: { id: string; title: string; document: string; plainText: string; tags: string[]; now: string }): void {
      insert.run({ ...note, tags: JSON.stringify(note.tags) });
    },
    saveContent: (note: { id: string; title: string; document: string; plainText: string; now: string }) => void saveContent.run(note),
    setTitle: (id: string, title: string, now: string) => void setTitle.run(title, now, id),
    setTags: (id: string, tags: string[], now: string) => void setTags.run(JSON.stringify(tags), now, id),
    setDeleted: (id: string, deletedAt: string | null) => void setDeleted.run(deletedAt, id),
    get: (id: string) => byId.get(id) as NoteRow | undefined,
    summary: (id: string) => listOne.get(id) as NoteListRow | undefined,
    list: (trash: boolean) => (trash ? listTrash.all() : listLive.all()) as NoteListRow[],
    trashedIds: () => (trashed.all() as { id: string }[]).map((r) => r.id),
    remove: (id: string) => void remove.run(id),
  };
}
