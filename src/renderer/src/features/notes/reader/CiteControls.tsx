import { useEffect, useRef, useState } from 'react';
import { isMod, isTyping } from '../../../app/shortcuts';
import { useDismiss } from '../../../app/layers';
import { focusedPassage } from '../../reader/keyboardSelection';
import { selectionInPassage, type PassageSelection } from '../../reader/selection';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { CITE_DRAG_TYPE } from '../cite';

interface Props {
  sourceId: string;
  sourceTitle: string | null;
  /** "New entity from selection…" (the menu, or E): the reader shows the form. */
  onNewEntity?: (selection: PassageSelection, at: { x: number; y: number }) => void;
}

type Menu = { x: number; y: number; selection: PassageSelection } | null;

const isCiteShortcut = (e: KeyboardEvent) => isMod(e) && e.shiftKey && e.key.toLowerCase() === 'c';
const plainKey = (e: KeyboardEvent, key: string) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === key;

/** The whole focused passage, for citing without a selection. */
function focusedPassageSelection(): PassageSelection | null {
  const passage = focusedPassage();
  const text = passage?.querySelector<HTMLElement>('[data-passage-text]')?.textContent ?? '';
  const anchor = passage?.dataset.anchor;
  return anchor && text.trim() ? { anchor, start: 0, end: text.length, text } : null;
}

/**
 * Cite from the reader into the open note: a button by the selection, the context menu (which
 * keeps Copy), Ctrl/Cmd-Shift-C, C or Q on a focused passage (its selection, or all of it), or
 * dragging the selection into the note. The same menu (and E) offers a new entity named by the selection.
 */
export function CiteControls({ sourceId, sourceTitle, onNewEntity }: Props) {
  const { cite: citeIntoNote } = useWorkspace();
  const [selection, setSelection] = useState<{ passage: PassageSelection; rect: DOMRect } | null>(null);
  const [menu, setMenu] = useState<Menu>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  useDismiss(menu !== null, () => setMenu(null));

  const cite = (passage: PassageSelection, withQuote: boolean) => {
    setMenu(null);
    citeIntoNote({ sourceId, sourceTitle, passageAnchor: passage.anchor, start: passage.start, end: passage.end, withQuote });
  };
  const copy = () => {
    setMenu(null);
    document.execCommand('copy');
  };

  useEffect(() => {
    if (menu) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menu]);

  useEffect(() => {
    const update = () => {
      const passage = selectionInPassage();
      const range = passage ? window.getSelection()?.getRangeAt(0) : undefined;
      setSelection(passage && range ? { passage, rect: range.getBoundingClientRect() } : null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (isCiteShortcut(e)) {
        const passage = selectionInPassage() ?? focusedPassageSelection();
        if (!passage) return;
        e.preventDefault();
        cite(passage, e.altKey);
        return;
      }
      if (onNewEntity && !isTyping(e.target) && plainKey(e, 'e')) {
        const own = selectionInPassage();
        const rect = own ? window.getSelection()?.getRangeAt(0).getBoundingClientRect() : undefined;
        if (!own || !rect) return;
        e.preventDefault();
        onNewEntity(own, { x: rect.left, y: rect.bottom + 6 });
        return;
      }
      if (isTyping(e.target) || !(plainKey(e, 'c') || plainKey(e, 'q')) || !focusedPassage()) return;
      const own = selectionInPassage();
      const passage = own && own.anchor === focusedPassage()?.dataset.anchor ? own : focusedPassageSelection();
      if (!passage) return;
      e.preventDefault();
      cite(passage, plainKey(e, 'q'));
    };
    const onContextMenu = (e: MouseEvent) => {
      const passage = selectionInPassage();
      if (!passage || !(e.target instanceof Element) || !e.target.closest('.passages')) return;
      e.preventDefault();
      // Kept inside the window, however near its edge the click was.
      setMenu({ x: Math.min(e.clientX, window.innerWidth - 200), y: Math.min(e.clientY, window.innerHeight - 130), selection: passage });
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

  const moveInMenu = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <>
      {selection && !menu && (
        <button
          type="button"
          className="cite-button"
          style={{ top: selection.rect.bottom + 6, left: selection.rect.left }}
          title="Cite in the open note (C, or Ctrl/Cmd+Shift+C; Q or add Alt to include the quote)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => cite(selection.passage, false)}
        >
          Cite
        </button>
      )}
      {menu && (
        <div
          className="cite-menu"
          role="menu"
          aria-label="Selection"
          ref={menuRef}
          style={{ top: menu.y, left: menu.x }}
          onKeyDown={moveInMenu}
        >
          <button type="button" role="menuitem" onClick={() => cite(menu.selection, false)}>
            Cite
          </button>
          <button type="button" role="menuitem" onClick={() => cite(menu.selection, true)}>
            Cite with quote
          </button>
          <button type="button" role="menuitem" onMouseDown={(e) => e.preventDefault()} onClick={copy}>
            Copy
          </button>
          {onNewEntity && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMenu(null);
                onNewEntity(menu.selection, menu);
              }}
            >
              New entity from selection…
            </button>
          )}
        </div>
      )}
    </>
  );
}
