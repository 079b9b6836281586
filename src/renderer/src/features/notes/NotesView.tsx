import { useEffect } from 'react';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { NoteList } from './NoteList';

/** #/notes, and #/notes/<id> which opens that note beside the list (links to notes use it). */
export function NotesView({ noteId }: { noteId: string | undefined }) {
  const { openNote } = useWorkspace();
  useEffect(() => {
    if (noteId) openNote(noteId);
  }, [noteId, openNote]);
  return <NoteList />;
}
