import { useState } from 'react';
import type { NoteSummary } from '../../../../shared/notes';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';

/** All notes (or the trash): create, open, trash, restore, empty the trash. */
export function NoteList({ selectedId, refreshKey }: { selectedId: string | undefined; refreshKey: number }) {
  const [trash, setTrash] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const notes = useLoad(() => api().notes.list(trash ? { trash: true } : {}), `${trash}:${generation}:${refreshKey}`);
  const act = (work: Promise<unknown>, after?: () => void) =>
    work.then(
      () => {
        setGeneration((g) => g + 1);
        after?.();
      },
      (e: Error) => setError(e.message),
    );

  const create = () =>
    void api()
      .notes.create({ title: 'Untitled note' })
      .then(
        (note) => {
          setGeneration((g) => g + 1);
          navigate(routeHref('notes', [note.id]));
        },
        (e: Error) => setError(e.message),
      );

  return (
    <nav className="note-list" aria-label="Notes">
      <div className="note-list-actions">
        {!trash && (
          <button type="button" className="new-note" onClick={create}>
            New note
          </button>
        )}
        <button type="button" className="toggle-trash" aria-pressed={trash} onClick={() => setTrash(!trash)}>
          {trash ? 'Back to notes' : 'Show trash'}
        </button>
        {trash && (
          <button type="button" onClick={() => void act(api().notes.emptyTrash({}))}>
            Empty trash
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Status state={notes}>
        {(list: NoteSummary[]) =>
          list.length === 0 ? (
            <p className="status">{trash ? 'The trash is empty.' : 'No notes yet.'}</p>
          ) : (
            <ul>
              {list.map((n) => (
                <li key={n.id} className={n.id === selectedId ? 'active' : ''} data-note-id={n.id}>
                  <a href={routeHref('notes', [n.id])} className="note-list-title">
                    {n.title}
                  </a>
                  <span className="note-list-meta">
                    {n.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                    {n.reviewCount > 0 && <span className="review-badge">{n.reviewCount} to review</span>}
                  </span>
                  {trash ? (
                    <button type="button" className="restore-note" onClick={() => void act(api().notes.restore({ id: n.id }))}>
                      Restore
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="trash-note"
                      aria-label={`Move “${n.title}” to the trash`}
                      onClick={() => void act(api().notes.delete({ id: n.id }), () => n.id === selectedId && navigate(routeHref('notes')))}
                    >
                      Trash
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </nav>
  );
}
