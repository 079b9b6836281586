import type { Repositories } from '../store/repositories';

export interface NoteText {
  id: string;
  title: string;
  text: string;
  tags: string[];
  updatedAt: string;
  /** Trashed notes should leave a search index; they come back on restore. */
  trashed: boolean;
}

/** The text a search index keeps for a note, or undefined once the note is gone for good. */
export function notePlainText(repos: Repositories, noteId: string): NoteText | undefined {
  const row = repos.notes.get(noteId);
  if (!row) return undefined;
  return {
    id: row.id,
    title: row.title,
    text: row.plain_text,
    tags: JSON.parse(row.tags) as string[],
    updatedAt: row.updated_at,
    trashed: row.deleted_at !== null,
  };
}
