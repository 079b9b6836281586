import { useEffect, useMemo, useRef, useState } from 'react';
import type { NoteSummary } from '../../../../shared/notes';
import { foldForFinding } from '../../../../shared/chineseVariants';
import { api } from '../../api';
import { useDismiss } from '../../app/layers';
import { MOD } from '../../app/shortcuts';
import { useLoad } from '../../app/useLoad';
import { useWorkspace } from './WorkspaceContext';

/** Recently opened notes first, then the others by when they were last changed; typing filters. */
export function orderNotes(notes: NoteSummary[], recent: string[], query: string): NoteSummary[] {
  const rank = (n: NoteSummary) => {
    const i = recent.indexOf(n.id);
    return i === -1 ? recent.length : i;
  };
  const q = foldForFinding(query.trim());
  return notes
    .filter((n) => !q || foldForFinding(n.title).includes(q))
    .sort((a, b) => {
      if (q) {
        const pa = foldForFinding(a.title).startsWith(q) ? 0 : 1;
        const pb = foldForFinding(b.title).startsWith(q) ? 0 : 1;
        if (pa !== pb) return pa - pb;
      }
      return rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt);
    });
}

/** Ctrl/Cmd-Shift-O or the note pane's button: pick a note to open beside the view. */
export function NoteSwitcher({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const { openNoteId, recentNoteIds, openNote } = useWorkspace();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const notes = useLoad(() => (open ? api().notes.list({}) : Promise.resolve([])), String(open), [{ kind: 'note' }]);
  const list = useMemo(
    () => orderNotes(notes.status === 'ready' ? notes.data : [], recentNoteIds, query).filter((n) => n.id !== openNoteId || query),
    [notes, recentNoteIds, query, openNoteId],
  );
  useDismiss(open, () => setOpen(false));
  useEffect(() => {
    if (!open) return;
    setQuery('');
    setSelected(0);
    input.current?.focus();
  }, [open]);
  useEffect(() => setSelected(0), [query]);

  const choose = (note: NoteSummary | undefined) => {
    if (!note) return;
    pendingEnter.current = false;
    setOpen(false);
    openNote(note.id);
  };
  // Enter pressed before the notes have loaded (a quick Ctrl-Shift-O, Enter) opens the first one once they are there.
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (!open) pendingEnter.current = false;
    else if (pendingEnter.current && list[selected]) choose(list[selected]);
  });

  return (
    <div className="note-switcher">
      <button
        type="button"
        className="switch-note"
        aria-expanded={open}
        aria-controls="note-switcher-popup"
        onClick={() => setOpen(!open)}
        title={`Switch note (${MOD}+Shift+O)`}
      >
        Switch note ▾
      </button>
      {open && (
        <div className="switcher-popup" id="note-switcher-popup">
          <input
            ref={input}
            role="combobox"
            aria-label="Find a note by title"
            aria-expanded={list.length > 0}
            aria-controls="note-switcher-list"
            aria-activedescendant={list[selected] ? `switch-${list[selected].id}` : undefined}
            placeholder="Note title…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setSelected((s) => Math.max(0, Math.min(list.length - 1, s + (e.key === 'ArrowDown' ? 1 : -1))));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                if (list[selected]) choose(list[selected]);
                else pendingEnter.current = true;
              }
            }}
          />
          <ul role="listbox" id="note-switcher-list" aria-label="Notes">
            {list.slice(0, 12).map((n, i) => (
              <li
                key={n.id}
                id={`switch-${n.id}`}
                role="option"
                aria-selected={i === selected}
                className={i === selected ? 'selected' : ''}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(n)}
              >
                <span className="label">{n.title}</span>
                {recentNoteIds.includes(n.id) && <span className="detail">recent</span>}
              </li>
            ))}
            {notes.status === 'ready' && list.length === 0 && (
              <li role="option" aria-selected={false} aria-disabled="true" className="empty">
                {query ? 'No note has that title.' : 'No other notes yet.'}
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
