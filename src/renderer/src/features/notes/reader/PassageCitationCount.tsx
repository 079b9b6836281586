import { useState } from 'react';
import type { PassageCitations } from '../../../../../shared/notes';
import { routeHref } from '../../../app/route';

/** In the reader's margin: how many notes cite this passage, and which, on click. */
export function PassageCitationCount({ entry }: { entry: PassageCitations | undefined }) {
  const [open, setOpen] = useState(false);
  if (!entry) return null;
  return (
    <span className="passage-citations">
      <button
        type="button"
        className="citation-count"
        aria-expanded={open}
        title={`Cited ${entry.count} time(s) in ${entry.notes.length} note(s)`}
        onClick={() => setOpen(!open)}
      >
        {entry.count}
      </button>
      {open && (
        <ul className="citing-notes">
          {entry.notes.map((n) => (
            <li key={n.id}>
              <a href={routeHref('notes', [n.id])}>{n.title}</a>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
