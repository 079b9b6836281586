import { useCallback, useState } from 'react';
import type { NoteDetail, SaveResult } from '../../../../shared/notes';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { HistoryPanel } from './history/HistoryPanel';
import { NoteSession } from './NoteSession';
import { NoteTitle } from './NoteTitle';
import { OpenNoteLink } from '../workspace/OpenNoteLink';
import { FirstRunHint } from '../workspace/FirstRun';
import './notes.css';

type Mode = 'write' | 'backlinks' | 'history';

function Backlinks({ note }: { note: NoteDetail }) {
  if (note.backlinks.length === 0) return <p className="status">No note links here yet. Type “[[” in another note to link this one.</p>;
  return (
    <ul className="note-backlinks">
      {note.backlinks.map((b) => (
        <li key={b.id}>
          <OpenNoteLink noteId={b.id}>{b.title}</OpenNoteLink>
        </li>
      ))}
    </ul>
  );
}

/** A note opened for writing: title, tags, the editor with autosave; its backlinks and history in place of the editor. */
export function NotePane({ noteId }: { noteId: string }) {
  const loaded = useLoad(() => api().notes.get({ id: noteId }), noteId);
  // What the pane knows beyond the loaded note: saves, renames, restores and commits since it opened.
  const [known, setKnown] = useState<NoteDetail | null>(null);
  const note = known ?? (loaded.status === 'ready' ? loaded.data : null);
  const [session, setSession] = useState(0);
  const [elsewhere, setElsewhere] = useState<NoteDetail | null>(null);
  const [mode, setMode] = useState<Mode>('write');

  const onSaved = useCallback(
    (r: SaveResult) =>
      setKnown((n) => {
        const base = n ?? (loaded.status === 'ready' ? loaded.data : null);
        return base && { ...base, saveCount: r.saveCount, updatedAt: r.updatedAt, citations: r.citations };
      }),
    [loaded],
  );
  const onStored = useCallback((fresh: NoteDetail, changedElsewhere: boolean) => {
    if (changedElsewhere) setElsewhere(fresh);
    // The document stays the editor's own; everything around it follows the store.
    else setKnown((n) => (n ? { ...fresh, document: n.document, saveCount: n.saveCount } : fresh));
  }, []);
  const replace = (fresh: NoteDetail) => {
    setKnown(fresh);
    setElsewhere(null);
    setSession((s) => s + 1);
  };

  return (
    <section className="note-pane" aria-labelledby="note-pane-title" data-note-id={noteId}>
      <h2 id="note-pane-title" className="visually-hidden">
        Open note
      </h2>
      <Status state={loaded}>
        {() =>
          note && (
            <>
              <NoteTitle note={note} onChange={(s) => setKnown({ ...note, ...s })} />
              {elsewhere && (
                <p className="note-elsewhere" role="alert">
                  This note was changed in another window or from the command line.{' '}
                  <button type="button" onClick={() => replace(elsewhere)}>
                    Show that version
                  </button>{' '}
                  (what you typed since is in its history)
                </p>
              )}
              <nav className="note-tabs" aria-label="Note views">
                <button type="button" aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
                  Write
                </button>
                <button type="button" aria-pressed={mode === 'backlinks'} onClick={() => setMode('backlinks')}>
                  Linked from ({note.backlinks.length})
                </button>
                <button type="button" aria-pressed={mode === 'history'} onClick={() => setMode('history')}>
                  History
                </button>
                <a className="button-link" href={routeHref('export', [], { notes: note.id })}>
                  Export…
                </a>
              </nav>
              {note.citationCount > 0 && <FirstRunHint step="export" />}
              {note.deletedAt ? (
                <p className="status">This note is in the trash. Restore it from the notes list to edit it.</p>
              ) : (
                <div className="note-body" hidden={mode !== 'write'}>
                  <NoteSession key={`${note.id}:${session}`} note={note} onSaved={onSaved} onStored={onStored} />
                </div>
              )}
              {mode === 'backlinks' && <Backlinks note={note} />}
              {mode === 'history' && (
                <HistoryPanel
                  note={note}
                  onRestored={(restored) => {
                    replace(restored);
                    setMode('write');
                  }}
                />
              )}
            </>
          )
        }
      </Status>
    </section>
  );
}
