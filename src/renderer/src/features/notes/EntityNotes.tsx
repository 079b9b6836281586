import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { useNoteSaves } from './noteSaves';

/** In the entity panel: the notes that mention this entity with "@". */
export function EntityNotes({ entityId }: { entityId: string }) {
  const saves = useNoteSaves();
  const notes = useLoad(() => api().notes.backlinks({ target: { kind: 'entity', entityId } }), `${entityId}:${saves}`);
  if (notes.status !== 'ready') return null;
  return (
    <section className="entity-notes" aria-label="Notes mentioning this entity">
      <h3 className="mentions-title">
        {notes.data.length === 0
          ? 'No note mentions it yet'
          : `Mentioned in ${notes.data.length} note${notes.data.length === 1 ? '' : 's'}`}
      </h3>
      {notes.data.length > 0 && (
        <ul>
          {notes.data.map((n) => (
            <li key={n.id}>
              <a href={routeHref('notes', [n.id])}>{n.title}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
