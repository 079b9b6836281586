import { useCallback, useState } from 'react';
import type { NoteDetail, SaveResult } from '../../../../shared/notes';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { NoteSession } from './NoteSession';
import { NoteTitle } from './NoteTitle';
import { RevisionsPanel } from './RevisionsPanel';
import './notes.css';

type SideTab = 'backlinks' | 'history';

function Backlinks({ note }: { note: NoteDetail }) {
  if (note.backlinks.length === 0) return <p className="status">No note links here yet.</p>;
  return (
    <ul className="note-backlinks">
      {note.backlinks.map((b) => (
        <li key={b.id}>
          <a href={routeHref('notes', [b.id])}>{b.title}</a>
        </li>
      ))}
    </ul>
  );
}

/** A note opened for writing: title, tags, editor with autosave, backlinks and history. */
export function NotePane({ noteId, compact = false }: { noteId: string; compact?: boolean }) {
  const loaded = useLoad(() => api().notes.get({ id: noteId }), noteId);
  // What the pane knows beyond the loaded note: saves, renames and restores since it opened.
  const [changed, setChanged] = useState<NoteDetail | null>(null);
  const note = changed ?? (loaded.status === 'ready' ? loaded.data : null);
  const setNote = setChanged;
  const [generation, setGeneration] = useState(0);
  const [tab, setTab] = useState<SideTab | null>(null);

  const onSaved = useCallback(
    (r: SaveResult) =>
      setChanged((n) => {
        const base = n ?? (loaded.status === 'ready' ? loaded.data : null);
        return base && { ...base, saveCount: r.saveCount, updatedAt: r.updatedAt, citations: r.citations };
      }),
    [loaded],
  );
  const onRestored = (restored: NoteDetail) => {
    setNote(restored);
    setGeneration((g) => g + 1);
  };

  return (
    <section className={`note-pane ${compact ? 'compact' : ''}`} aria-label="Note">
      <Status state={loaded}>
        {() =>
          note && (
            <>
              <NoteTitle note={note} onChange={(s) => setNote({ ...note, ...s })} />
              {note.deletedAt ? (
                <p className="status">This note is in the trash. Restore it from the notes list to edit it.</p>
              ) : (
                <NoteSession key={`${note.id}:${generation}`} note={note} onSaved={onSaved} />
              )}
              <nav className="note-tabs">
                <button type="button" aria-pressed={tab === 'backlinks'} onClick={() => setTab(tab === 'backlinks' ? null : 'backlinks')}>
                  Linked from ({note.backlinks.length})
                </button>
                <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab(tab === 'history' ? null : 'history')}>
                  History
                </button>
                <a className="button-link" href={routeHref('export', [], { notes: note.id })}>
                  Export…
                </a>
              </nav>
              {tab === 'backlinks' && <Backlinks note={note} />}
              {tab === 'history' && <RevisionsPanel noteId={note.id} saveCount={note.saveCount} onRestored={onRestored} />}
            </>
          )
        }
      </Status>
    </section>
  );
}
