import { useState } from 'react';
import type { PassageCitations } from '../../../../../shared/notes';
import { OpenNoteLink } from '../../workspace/OpenNoteLink';

/** In the reader's margin: how many notes cite this passage, and which, on click. */
export function PassageCitationCount({ entry }: { entry: PassageCitations | undefined }) {
  const [open, setOpen] = useState(false);
  if (!entry) return null;
  const label = `Cited ${entry.count} time${entry.count === 1 ? '' : 's'} in ${entry.notes.length} note${entry.notes.length === 1 ? '' : 's'}`;
  return (
    <span className="passage-citations">
      <button
        type="button"
        className="citation-count"
        aria-expanded={open}
        aria-label={label}
        title={label}
        tabIndex={-1}
        onClick={() => setOpen(!open)}
      >
        {entry.count}
      </button>
      {open && (
        <ul className="citing-notes">
          {entry.notes.map((n) => (
            <li key={n.id}>
              <OpenNoteLink noteId={n.id}>{n.title}</OpenNoteLink>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
