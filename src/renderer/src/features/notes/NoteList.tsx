import { useState } from 'react';
import type { NoteSummary } from '../../../../shared/notes';
import { api } from '../../api';
import { MOD } from '../../app/shortcuts';
import { useToast } from '../../app/toasts';
import { useLoad } from '../../app/useLoad';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Status } from '../../ui/Status';
import { useWorkspace } from '../workspace/WorkspaceContext';

const updated = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function EmptyList({ trash }: { trash: boolean }) {
  if (trash) return <p className="status empty-state">The trash is empty. Notes you move to the trash wait here until you empty it.</p>;
  return (
    <div className="empty-state">
      <p>No notes yet.</p>
      <p>
        Press <strong>New note</strong> ({MOD}+N), or open a source from the Library, select words and press <strong>Cite</strong>: the
        first citation starts a note.
      </p>
    </div>
  );
}

/** All notes (or the trash): open one beside any view, move it to the trash (with Undo), restore, empty the trash (after asking). */
export function NoteList() {
  const [trash, setTrash] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { openNoteId, openNote, closeNote, newNote } = useWorkspace();
  const toast = useToast();
  const notes = useLoad(() => api().notes.list(trash ? { trash: true } : {}), String(trash), [{ kind: 'note' }]);
  const fail = (e: Error) => setError(e.message);

  const moveToTrash = (note: NoteSummary) =>
    void api()
      .notes.delete({ id: note.id })
      .then(() => {
        if (note.id === openNoteId) closeNote();
        toast({
          message: `Moved “${note.title}” to the trash.`,
          action: {
            label: 'Undo',
            run: () =>
              void api()
                .notes.restore({ id: note.id })
                .then(() => openNote(note.id), fail),
          },
        });
      }, fail);
  const restore = (note: NoteSummary) =>
    void api()
      .notes.restore({ id: note.id })
      .then(() => toast({ message: `Restored “${note.title}”.` }), fail);
  const emptyTrash = () => {
    setConfirming(false);
    void api()
      .notes.emptyTrash({})
      .then(({ deleted }) => toast({ message: `Deleted ${deleted} note${deleted === 1 ? '' : 's'} for ever.` }), fail);
  };
  const count = notes.status === 'ready' ? notes.data.length : 0;

  return (
    <section className="note-list" aria-labelledby="notes-title">
      <header className="view-header">
        <h1 id="notes-title">{trash ? 'Trash' : 'Notes'}</h1>
        <div className="note-list-actions">
          {!trash && (
            <button type="button" className="new-note primary" onClick={newNote}>
              New note
            </button>
          )}
          <button type="button" className="toggle-trash" aria-pressed={trash} onClick={() => setTrash(!trash)}>
            {trash ? 'Back to notes' : 'Show trash'}
          </button>
          {trash && count > 0 && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Empty trash…
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Status state={notes}>
        {(list: NoteSummary[]) =>
          list.length === 0 ? (
            <EmptyList trash={trash} />
          ) : (
            <ul className="note-cards">
              {list.map((n) => (
                <li key={n.id} className={n.id === openNoteId ? 'active' : ''} data-note-id={n.id}>
                  {trash ? (
                    <span className="note-list-title">{n.title}</span>
                  ) : (
                    <button
                      type="button"
                      className="note-list-title link-button"
                      aria-current={n.id === openNoteId}
                      onClick={() => openNote(n.id)}
                    >
                      {n.title}
                    </button>
                  )}
                  <span className="note-list-meta">
                    <span>{updated(n.updatedAt)}</span>
                    <span>
                      {n.citationCount} citation{n.citationCount === 1 ? '' : 's'}
                    </span>
                    {n.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                    {n.reviewCount > 0 && <span className="review-badge">{n.reviewCount} to review</span>}
                  </span>
                  {n.excerpt && <span className="note-excerpt">{n.excerpt}</span>}
                  {trash ? (
                    <button type="button" className="restore-note" onClick={() => restore(n)}>
                      Restore
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="trash-note"
                      aria-label={`Move “${n.title}” to the trash`}
                      onClick={() => moveToTrash(n)}
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
      <ConfirmDialog
        open={confirming}
        title="Empty the trash?"
        message={`${count} note${count === 1 ? '' : 's'} will be deleted for ever, with their history. This cannot be undone.`}
        confirmLabel="Delete for ever"
        onConfirm={emptyTrash}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
