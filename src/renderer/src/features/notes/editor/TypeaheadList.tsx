import { MenuOption } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { EntityType } from '../../../../../shared/domain';

export class TypeaheadOption extends MenuOption {
  constructor(
    key: string,
    readonly label: string,
    readonly detail: string,
    readonly payload:
      | { kind: 'entity'; id: string; type: string }
      | { kind: 'new-entity'; name: string; type: EntityType }
      | { kind: 'note'; id: string }
      | { kind: 'new-note'; title: string },
  ) {
    super(key);
  }
}

interface MenuState {
  selectedIndex: number | null;
  selectOptionAndCleanUp: (option: TypeaheadOption) => void;
  setHighlightedIndex: (index: number) => void;
  options: TypeaheadOption[];
}

/**
 * The floating list. A pointer that happens to rest where the list opens does not choose a row:
 * the highlight (which Enter takes) follows the pointer only once it has really moved, so Enter
 * takes the best match the keyboard sees.
 */
function TypeaheadMenu({ label, selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options }: MenuState & { label: string }) {
  const restingAt = useRef<{ x: number; y: number } | null>(null);
  const moved = useRef(false);
  const follow = (event: React.MouseEvent, index: number) => {
    if (!moved.current) {
      const at = { x: event.screenX, y: event.screenY };
      if (!restingAt.current) restingAt.current = at;
      if (restingAt.current.x === at.x && restingAt.current.y === at.y) return;
      moved.current = true;
    }
    if (index !== selectedIndex) setHighlightedIndex(index);
  };
  return (
    <ul className="typeahead-menu" role="listbox" aria-label={label}>
      {options.map((option, i) => (
        <li
          key={option.key}
          ref={(el) => option.setRefElement(el)}
          role="option"
          aria-selected={selectedIndex === i}
          className={selectedIndex === i ? 'selected' : ''}
          onMouseMove={(event) => follow(event, i)}
          onMouseDown={(event) => {
            event.preventDefault();
            selectOptionAndCleanUp(option);
          }}
        >
          <span className="label">{option.label}</span> <span className="detail">{option.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** The floating list both "@" and "[[" typeaheads render into Lexical's anchor element. */
export function renderTypeahead(label: string) {
  return (anchor: RefObject<HTMLElement | null>, state: MenuState) =>
    anchor.current && state.options.length ? createPortal(<TypeaheadMenu label={label} {...state} />, anchor.current) : null;
}

/**
 * How well a name answers what was typed: the whole name (0), a whole first word (1), the start
 * of the name (2), the start of a later word (3), anywhere (4); undefined when it does not.
 */
export function matchRank(folded: string, query: string): number | undefined {
  if (!query) return 2;
  if (folded === query) return 0;
  if (folded.startsWith(query)) return /^[\s,.;:'"-]/.test(folded.slice(query.length)) ? 1 : 2;
  const at = folded.indexOf(query);
  if (at === -1) return undefined;
  return /[\s(“"'-]/.test(folded[at - 1] ?? '') ? 3 : 4;
}
