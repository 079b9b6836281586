import { ArrowLeft, ArrowRight, Keyboard, NotebookPen, Search } from 'lucide-react';
import { MOD } from '../../app/shortcuts';

interface Props {
  narrow: boolean;
  noteShowing: boolean;
  toggleNote: () => void;
  showShortcuts: () => void;
  find: () => void;
}

/** Back and forward, find, the shortcut sheet, and in a narrow window the note drawer's toggle. */
export function TopBar({ narrow, noteShowing, toggleNote, showShortcuts, find }: Props) {
  return (
    <div className="top-bar" role="toolbar" aria-label="Navigation">
      <button type="button" className="icon-button" aria-label="Back" title="Back (Alt+←)" onClick={() => history.back()}>
        <ArrowLeft aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Forward" title="Forward (Alt+→)" onClick={() => history.forward()}>
        <ArrowRight aria-hidden="true" size={16} />
      </button>
      <span className="spacer" />
      <button type="button" className="icon-button" aria-label="Find in this view" title={`Find in this view (${MOD}+F)`} onClick={find}>
        <Search aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={showShortcuts}>
        <Keyboard aria-hidden="true" size={16} />
      </button>
      {narrow && (
        <button type="button" className="note-toggle" aria-expanded={noteShowing} aria-controls="note-dock" onClick={toggleNote}>
          <NotebookPen aria-hidden="true" size={16} /> Note
        </button>
      )}
    </div>
  );
}
