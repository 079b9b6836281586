import { useState } from 'react';
import type { NoteSummary } from '../../../../shared/notes';
import { api } from '../../api';
import { MOD } from '../../app/shortcuts';
import { useToast } from '../../app/toasts';
import { useLoad } from '../../app/useLoad';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Status } from '../../ui/Status';
import { ListFilter } from '../../ui/ListFilter';
import { useListChoice } from '../../app/useListChoice';
import { listNotes, NOTE_LIST, noteTags } from './listing';
import { NoteTable } from './NoteTable';
import { useWorkspace } from '../workspace/WorkspaceContext';

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
  const [choice, set, sortBy] = useListChoice('notes', NOTE_LIST);

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
        {(all: NoteSummary[]) => {
          if (all.length === 0) return <EmptyList trash={trash} />;
          const list = listNotes(all, choice);
          const tags = noteTags(all);
          return (
            <>
              <ListFilter
                label="Filter notes"
                placeholder="Filter by title, text or tag"
                value={choice.filter}
                onChange={(filter) => set({ filter })}
                shown={list.length}
                total={all.length}
              >
                {tags.length > 0 && (
                  <select
                    aria-label="Tag"
                    value={tags.includes(choice.only) ? choice.only : ''}
                    onChange={(e) => set({ only: e.target.value })}
                  >
                    <option value="">All tags</option>
                    {tags.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                )}
              </ListFilter>
              {list.length === 0 ? (
                <p className="status empty-state">No note matches the filter.</p>
              ) : (
                <NoteTable
                  list={list}
                  choice={choice}
                  sortBy={sortBy}
                  trash={trash}
                  openNoteId={openNoteId}
                  open={(n) => openNote(n.id)}
                  moveToTrash={moveToTrash}
                  restore={restore}
                />
              )}
            </>
          );
        }}
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
