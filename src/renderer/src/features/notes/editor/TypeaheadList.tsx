import { MenuOption } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { RefObject } from 'react';
import { createPortal } from 'react-dom';

export class TypeaheadOption extends MenuOption {
  constructor(
    key: string,
    readonly label: string,
    readonly detail: string,
    readonly payload: { kind: 'entity'; id: string; type: string } | { kind: 'note'; id: string } | { kind: 'new-note'; title: string },
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

/** The floating list both "@" and "[[" typeaheads render into Lexical's anchor element. */
export function renderTypeahead(label: string) {
  return (anchor: RefObject<HTMLElement | null>, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options }: MenuState) =>
    anchor.current && options.length
      ? createPortal(
          <ul className="typeahead-menu" role="listbox" aria-label={label}>
            {options.map((option, i) => (
              <li
                key={option.key}
                ref={(el) => option.setRefElement(el)}
                role="option"
                aria-selected={selectedIndex === i}
                className={selectedIndex === i ? 'selected' : ''}
                onMouseEnter={() => setHighlightedIndex(i)}
                onMouseDown={(event) => {
                  event.preventDefault();
                  selectOptionAndCleanUp(option);
                }}
              >
                <span className="label">{option.label}</span> <span className="detail">{option.detail}</span>
              </li>
            ))}
          </ul>,
          anchor.current,
        )
      : null;
}
