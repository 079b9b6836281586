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
  const note = repos.notes.get(noteId);
  if (!note) return undefined;
  return {
    id: note.id,
    title: note.title,
    text: note.plainText,
    tags: note.tags,
    updatedAt: note.updatedAt,
    trashed: note.deletedAt !== null,
  };
}
