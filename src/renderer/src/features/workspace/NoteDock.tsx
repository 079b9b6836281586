import { Plus, X } from 'lucide-react';
import { MOD } from '../../app/shortcuts';
import { NotePane } from '../notes/NotePane';
import { NoteSwitcher } from './NoteSwitcher';
import { useWorkspace } from './WorkspaceContext';

/** The open note, beside every view (or a drawer in a narrow window); Cite always goes here. */
export function NoteDock({ switcherOpen, setSwitcherOpen }: { switcherOpen: boolean; setSwitcherOpen: (open: boolean) => void }) {
  const { openNoteId, newNote, closeNote } = useWorkspace();
  return (
    <>
      <div className="dock-bar">
        <NoteSwitcher open={switcherOpen} setOpen={setSwitcherOpen} />
        <button type="button" className="new-note-button" onClick={newNote} title={`New note (${MOD}+N)`}>
          <Plus aria-hidden="true" size={16} /> New note
        </button>
        {openNoteId && (
          <button type="button" className="icon-button close-note" onClick={closeNote} aria-label="Close the note">
            <X aria-hidden="true" size={16} />
          </button>
        )}
      </div>
      {openNoteId ? (
        <NotePane key={openNoteId} noteId={openNoteId} />
      ) : (
        <div className="dock-empty empty-state">
          <h2>No note open</h2>
          <p>
            A note stays here beside whatever you read, search or browse, and <strong>Cite</strong> puts quotes into it.
          </p>
          <p>
            <button type="button" className="primary" onClick={newNote}>
              New note
            </button>{' '}
            or{' '}
            <button type="button" className="link-button" onClick={() => setSwitcherOpen(true)}>
              open a recent one
            </button>
            .
          </p>
        </div>
      )}
    </>
  );
}
