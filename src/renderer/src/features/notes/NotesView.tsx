import { routeHref } from '../../app/route';
import { NoteList } from './NoteList';
import { NotePane } from './NotePane';

/** #/notes and #/notes/<id>: the list beside the open note. */
export function NotesView({ noteId }: { noteId: string | undefined }) {
  return (
    <div className="notes-view">
      <NoteList selectedId={noteId} refreshKey={0} />
      {noteId ? (
        <NotePane key={noteId} noteId={noteId} />
      ) : (
        <p className="status notes-empty">
          Pick a note, or make a new one. Open a source and press Cite to quote it into the open note (
          <a href={routeHref('library')}>Library</a>).
        </p>
      )}
    </div>
  );
}
