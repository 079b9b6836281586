import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/search';
import { navigate, routeHref } from '../../app/route';
import { hitHref } from './hitHref';
import { flatHits, optionId, ResultList } from './ResultList';
import { SearchMessages } from './SearchMessages';
import { useResultKeys } from './useResultKeys';
import { responseOf, useSearch } from './useSearch';
import './search.css';

const ID = 'search-palette';

/** Ctrl-K (Cmd-K on a Mac) anywhere opens the palette; pressing it again or Escape closes it. */
function usePaletteShortcut(setOpen: (update: (open: boolean) => boolean) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [setOpen]);
}

export function SearchPalette() {
  const [open, setOpen] = useState(false);
  usePaletteShortcut(setOpen);
  return open ? <PaletteDialog close={() => setOpen(() => false)} /> : null;
}

function PaletteDialog({ close }: { close: () => void }) {
  const [q, setQ] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const state = useSearch(q, { limit: 6 });
  const response = responseOf(state);
  const hits = flatHits(response);
  const openHit = (hit: SearchHit) => {
    close();
    navigate(hitHref(hit));
  };
  const keys = useResultKeys(hits, openHit);

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previouslyFocused?.focus?.();
  }, []);
  useEffect(() => {
    document.getElementById(optionId(ID, keys.selected))?.scrollIntoView({ block: 'nearest' });
  }, [keys.selected]);

  const openFullView = () => {
    close();
    navigate(routeHref('search', [], { q: q || undefined }));
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Search">
        <input
          ref={input}
          className="palette-input"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${ID}-listbox`}
          aria-activedescendant={hits.length > 0 ? optionId(ID, keys.selected) : undefined}
          aria-autocomplete="list"
          placeholder='Search passages, sources, entities, notes — "phrase", entity:mss, from:2020'
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              openFullView();
            } else keys.onKeyDown(e);
          }}
        />
        <SearchMessages state={state} response={response} />
        {response && hits.length === 0 && q.trim() && <p className="search-empty">No results for “{q}”.</p>}
        {response && hits.length > 0 && (
          <ResultList response={response} selected={keys.selected} idPrefix={ID} onOpen={close} onHover={keys.setSelected} />
        )}
        <footer className="palette-footer">
          <span>↑↓ to move · Enter to open · Esc to close</span>
          <button type="button" className="link-button" onClick={openFullView}>
            All results and filters (Ctrl+Enter)
          </button>
        </footer>
      </div>
    </div>
  );
}
