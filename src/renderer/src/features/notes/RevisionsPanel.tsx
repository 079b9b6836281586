import { useState } from 'react';
import type { NoteDetail, RevisionDetail } from '../../../../shared/notes';
import { api } from '../../api';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';

const REASONS: Record<string, string> = {
  create: 'created',
  autosave: 'while editing',
  close: 'on close',
  'before-restore': 'before a restore',
  restore: 'restored',
};

/** The snapshots of a note: view one, restore it (the text it replaces becomes a revision too). */
export function RevisionsPanel({
  noteId,
  saveCount,
  onRestored,
}: {
  noteId: string;
  saveCount: number;
  onRestored: (note: NoteDetail) => void;
}) {
  const revisions = useLoad(() => api().notes.revisions({ id: noteId }), `${noteId}:${saveCount}`);
  const [viewing, setViewing] = useState<RevisionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (revisionId: number) => {
    try {
      onRestored(await api().notes.restoreRevision({ id: noteId, revisionId }));
      setViewing(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="revisions" aria-label="Revision history">
      <Status state={revisions}>
        {(list) => (
          <ol className="revision-list">
            {list.map((r) => (
              <li key={r.id} className={viewing?.id === r.id ? 'active' : ''}>
                <button
                  type="button"
                  className="revision-open"
                  onClick={() =>
                    void api()
                      .notes.revision({ revisionId: r.id })
                      .then(setViewing, (e: Error) => setError(e.message))
                  }
                >
                  {new Date(r.createdAt).toLocaleString()} · {REASONS[r.reason] ?? r.reason} · {r.wordCount} words
                </button>
              </li>
            ))}
          </ol>
        )}
      </Status>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {viewing && (
        <div className="revision-view">
          <h4>{viewing.title}</h4>
          <pre className="revision-text">{viewing.plainText || '(empty)'}</pre>
          <button type="button" className="restore-revision" onClick={() => void restore(viewing.id)}>
            Restore this revision
          </button>
        </div>
      )}
    </section>
  );
}
