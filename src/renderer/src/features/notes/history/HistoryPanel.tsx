import { useEffect, useState } from 'react';
import type { NoteDetail, RevisionSummary } from '../../../../../shared/notes';
import { api } from '../../../api';
import { useToast } from '../../../app/toasts';
import { useLoad } from '../../../app/useLoad';
import { Status } from '../../../ui/Status';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { WordDiff } from './WordDiff';

const REASONS: Record<string, string> = {
  create: 'created',
  autosave: 'while writing',
  close: 'on close',
  'before-restore': 'before a restore',
  restore: 'restored',
};

const NOW = 'now';
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const describe = (r: RevisionSummary) => `${when(r.createdAt)} · ${REASONS[r.reason] ?? r.reason} · ${r.wordCount} words`;

/** The text of a revision, or of the note as saved now. */
async function textOf(noteId: string, choice: string): Promise<string> {
  if (choice === NOW) return (await api().notes.get({ id: noteId })).plainText;
  return (await api().notes.revision({ revisionId: Number(choice) })).plainText;
}

/**
 * The note's revisions: compare any two (or one with the note now) word by word, and restore
 * one. A restore keeps the text it replaces as a revision, and the toast's Undo brings it back.
 */
export function HistoryPanel({ note, onRestored }: { note: NoteDetail; onRestored: (note: NoteDetail) => void }) {
  const { flushNote } = useWorkspace();
  const toast = useToast();
  // Saved first, so the newest revision and "now" hold what is on screen.
  const revisions = useLoad(() => flushNote().then(() => api().notes.revisions({ id: note.id })), `${note.id}:${note.saveCount}`);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string>(NOW);
  const [texts, setTexts] = useState<{ before: string; after: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (from === null) return setTexts(null);
    let current = true;
    Promise.all([textOf(note.id, from), textOf(note.id, to)]).then(
      ([before, after]) => current && setTexts({ before, after }),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [note.id, from, to]);

  const restore = async (revision: RevisionSummary) => {
    try {
      await flushNote();
      const restored = await api().notes.restoreRevision({ id: note.id, revisionId: revision.id });
      // The text just replaced is the newest revision that is not the restore itself.
      const list = await api().notes.revisions({ id: note.id });
      const previous = list[0]?.reason === 'restore' ? list[1] : list[0];
      onRestored(restored);
      toast({
        message: `Restored the text of ${when(revision.createdAt)}. The text it replaced is kept in the history.`,
        action: previous
          ? {
              label: 'Undo',
              run: () =>
                void api()
                  .notes.restoreRevision({ id: note.id, revisionId: previous.id })
                  .then(onRestored, (e: Error) => toast({ message: `Undo failed: ${e.message}` })),
            }
          : undefined,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      <p className="status">
        A revision is kept at most once a minute while you write (each holding the text of your last pause), and whenever the note is
        closed.
      </p>
      <Status state={revisions}>
        {(list) =>
          list.length === 0 ? (
            <p className="status">No revisions yet.</p>
          ) : (
            <>
              <ol className="revision-list">
                {list.map((r) => (
                  <li key={r.id} className={from === String(r.id) ? 'active' : ''}>
                    <button
                      type="button"
                      className="revision-open"
                      aria-pressed={from === String(r.id)}
                      onClick={() => setFrom(String(r.id))}
                    >
                      {describe(r)}
                    </button>
                    <button
                      type="button"
                      className="restore-revision"
                      onClick={() => void restore(r)}
                      aria-label={`Restore the text of ${describe(r)}`}
                    >
                      Restore
                    </button>
                  </li>
                ))}
              </ol>
              {from !== null && (
                <div className="revision-compare">
                  <div className="compare-choice">
                    <label>
                      Compare{' '}
                      <select value={from} onChange={(e) => setFrom(e.target.value)}>
                        {list.map((r) => (
                          <option key={r.id} value={r.id}>
                            {describe(r)}
                          </option>
                        ))}
                      </select>
                    </label>{' '}
                    <label>
                      with{' '}
                      <select value={to} onChange={(e) => setTo(e.target.value)}>
                        <option value={NOW}>the note now</option>
                        {list.map((r) => (
                          <option key={r.id} value={r.id}>
                            {describe(r)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                  {texts && <WordDiff before={texts.before} after={texts.after} />}
                </div>
              )}
            </>
          )
        }
      </Status>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
