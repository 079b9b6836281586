import { api } from '../../api';
import { useLoad } from '../../app/useLoad';
import { OpenNoteLink } from '../workspace/OpenNoteLink';

/** In the entity panel: the notes that mention this entity with "@". */
export function EntityNotes({ entityId }: { entityId: string }) {
  const notes = useLoad(() => api().notes.backlinks({ target: { kind: 'entity', entityId } }), entityId, [{ kind: 'note' }]);
  if (notes.status === 'error')
    return (
      <p className="status error" role="alert">
        {notes.message}
      </p>
    );
  if (notes.status !== 'ready') return null;
  return (
    <section className="entity-notes" aria-labelledby="entity-notes-title">
      <h3 className="mentions-title" id="entity-notes-title">
        {notes.data.length === 0
          ? 'No note mentions it yet'
          : `Mentioned in ${notes.data.length} note${notes.data.length === 1 ? '' : 's'}`}
      </h3>
      {notes.data.length === 0 ? (
        <p className="status hint">Type “@” and its name in a note to mention it.</p>
      ) : (
        <ul>
          {notes.data.map((n) => (
            <li key={n.id}>
              <OpenNoteLink noteId={n.id}>{n.title}</OpenNoteLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
