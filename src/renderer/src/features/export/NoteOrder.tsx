import type { NoteSummary } from '../../../../shared/notes';

interface Props {
  notes: NoteSummary[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}

/** Which notes make the report, and in what order: buttons, so it works from the keyboard. */
export function NoteOrder({ notes, chosen, onChange }: Props) {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const move = (index: number, by: number) => {
    const next = [...chosen];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    onChange(next);
  };
  const available = notes.filter((n) => !chosen.includes(n.id));
  return (
    <section className="export-notes-order" aria-label="Notes in the report">
      <h2>Notes, in order</h2>
      {chosen.length === 0 && <p className="status">Add at least one note.</p>}
      <ol>
        {chosen.map((id, i) => (
          <li key={id}>
            <span className="export-note-title">{byId.get(id)?.title ?? id}</span>
            <span className="export-order-buttons">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${byId.get(id)?.title ?? id} up`}>
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === chosen.length - 1}
                aria-label={`Move ${byId.get(id)?.title ?? id} down`}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => onChange(chosen.filter((x) => x !== id))}
                aria-label={`Remove ${byId.get(id)?.title ?? id}`}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      {available.length > 0 && (
        <label className="export-add-note">
          Add a note{' '}
          <select value="" onChange={(e) => e.target.value && onChange([...chosen, e.target.value])}>
            <option value="">Choose…</option>
            {available.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title} ({n.citationCount} citations)
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
