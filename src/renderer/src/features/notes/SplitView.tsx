import type { ReactNode } from 'react';
import { NotePane } from './NotePane';

/** The reader and a note side by side, so citing is select-and-press. */
export function SplitView({ reader, noteId, closeHref }: { reader: ReactNode; noteId: string; closeHref: string }) {
  return (
    <div className="split-view">
      <div className="split-reader">{reader}</div>
      <div className="split-note">
        <a className="close-note" href={closeHref} aria-label="Close the note">
          ×
        </a>
        <NotePane key={noteId} noteId={noteId} compact />
      </div>
    </div>
  );
}
