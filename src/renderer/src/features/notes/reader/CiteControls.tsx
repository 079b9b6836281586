import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { navigate, withQuery, type Route } from '../../../app/route';
import { selectionInPassage, type PassageSelection } from '../../reader/selection';
import { CITE_DRAG_TYPE, hasCiteTarget, requestCite } from '../citeBus';

interface Props {
  route: Route;
  sourceId: string;
  sourceTitle: string | null;
}

type Menu = { x: number; y: number; selection: PassageSelection } | null;

const isCiteShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'c';

/**
 * Cite from the reader: a button by the selection, a context menu, Ctrl/Cmd-Shift-C, or dragging
 * the selection into the note. Without an open note, citing opens a new note beside the source.
 */
export function CiteControls({ route, sourceId, sourceTitle }: Props) {
  const [selection, setSelection] = useState<{ passage: PassageSelection; rect: DOMRect } | null>(null);
  const [menu, setMenu] = useState<Menu>(null);
  const [error, setError] = useState<string | null>(null);
  const noteOpen = !!route.query.get('note');

  const cite = (passage: PassageSelection, withQuote: boolean) => {
    setMenu(null);
    const request = { sourceId, passageAnchor: passage.anchor, start: passage.start, end: passage.end, withQuote };
    if (noteOpen && hasCiteTarget()) {
      requestCite(request);
      return;
    }
    // No note beside the source: make one; the request waits for its editor.
    requestCite(request);
    void api()
      .notes.create({ title: `Notes on ${sourceTitle ?? sourceId}` })
      .then(
        (note) => navigate(withQuery(route, { note: note.id })),
        (e: Error) => setError(e.message),
      );
  };

  useEffect(() => {
    const update = () => {
      const passage = selectionInPassage();
      const range = passage ? window.getSelection()?.getRangeAt(0) : undefined;
      setSelection(passage && range ? { passage, rect: range.getBoundingClientRect() } : null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!isCiteShortcut(e)) return;
      const passage = selectionInPassage();
      if (!passage) return;
      e.preventDefault();
      cite(passage, e.altKey);
    };
    const onContextMenu = (e: MouseEvent) => {
      const passage = selectionInPassage();
      if (!passage || !(e.target instanceof Element) || !e.target.closest('.passages')) return;
      e.preventDefault();
      // Kept inside the window, however near its edge the click was.
      setMenu({ x: Math.min(e.clientX, window.innerWidth - 180), y: Math.min(e.clientY, window.innerHeight - 90), selection: passage });
    };
    const onDragStart = (e: DragEvent) => {
      const passage = selectionInPassage();
      if (!passage || !e.dataTransfer || !(e.target instanceof Node) || !document.querySelector('.passages')?.contains(e.target)) return;
      e.dataTransfer.setData(
        CITE_DRAG_TYPE,
        JSON.stringify({ sourceId, passageAnchor: passage.anchor, start: passage.start, end: passage.end }),
      );
      e.dataTransfer.effectAllowed = 'copy';
    };
    const closeMenu = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('.cite-menu')) setMenu(null);
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('keydown', onKey);
    document.addEventListener('contextmenu', onContextMenu);
    document.addEventListener('dragstart', onDragStart);
    document.addEventListener('mousedown', closeMenu);
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('contextmenu', onContextMenu);
      document.removeEventListener('dragstart', onDragStart);
      document.removeEventListener('mousedown', closeMenu);
    };
  });

  return (
    <>
      {selection && !menu && (
        <button
          type="button"
          className="cite-button"
          style={{ top: selection.rect.bottom + 6, left: selection.rect.left }}
          title="Cite in the open note (Ctrl/Cmd+Shift+C; add Alt to include the quote)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => cite(selection.passage, false)}
        >
          Cite
        </button>
      )}
      {menu && (
        <div className="cite-menu" role="menu" style={{ top: menu.y, left: menu.x }}>
          <button type="button" role="menuitem" onClick={() => cite(menu.selection, false)}>
            Cite
          </button>
          <button type="button" role="menuitem" onClick={() => cite(menu.selection, true)}>
            Cite with quote
          </button>
        </div>
      )}
      {error && (
        <p className="error cite-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
