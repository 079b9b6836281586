import { PanelRightClose, Plus, X } from 'lucide-react';
import { MOD } from '../../app/shortcuts';
import { NotePane } from '../notes/NotePane';
import { NoteSwitcher } from './NoteSwitcher';
import { useWorkspace } from './WorkspaceContext';

/** The open note, beside every view (or a drawer in a narrow window); Cite always goes here. */
interface Props {
  switcherOpen: boolean;
  setSwitcherOpen: (open: boolean) => void;
  /** In a narrow window the dock is a drawer, and this hides it (the note stays open). */
  hideDrawer?: () => void;
}

export function NoteDock({ switcherOpen, setSwitcherOpen, hideDrawer }: Props) {
  const { openNoteId, newNote, closeNote } = useWorkspace();
  return (
    <>
      <div className="dock-bar">
        <NoteSwitcher open={switcherOpen} setOpen={setSwitcherOpen} />
        <button type="button" className="new-note-button" onClick={newNote} title={`New note (${MOD}+N)`}>
          <Plus aria-hidden="true" size={16} /> New note
        </button>
        <span className="spacer" />
        {openNoteId && (
          <button type="button" className="icon-button close-note" onClick={closeNote} aria-label="Close the note" title="Close the note">
            <X aria-hidden="true" size={16} />
          </button>
        )}
        {hideDrawer && (
          <button
            type="button"
            className="icon-button hide-drawer"
            onClick={hideDrawer}
            aria-label="Hide the note"
            title="Hide the note (Esc)"
          >
            <PanelRightClose aria-hidden="true" size={16} />
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
