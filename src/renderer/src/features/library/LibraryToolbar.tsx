import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import type { ListState } from '../../app/useListChoice';
import { ListFilter } from '../../ui/ListFilter';
import type { SourceSort } from './listing';

interface Props {
  choice: ListState<SourceSort>;
  set: (change: Partial<ListState<SourceSort>>) => void;
  tags: { tag: string; count: number }[];
  shown: number;
  total: number;
  deleted: boolean;
  setDeleted: (deleted: boolean) => void;
  onError: (message: string) => void;
}

/** Filter words, a tag to show, renaming that tag, and the deleted sources. */
export function LibraryToolbar({ choice, set, tags, shown, total, deleted, setDeleted, onError }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const known = tags.some((t) => t.tag.toLocaleLowerCase() === choice.only.toLocaleLowerCase());
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const to = renaming?.trim();
    if (!to || to === choice.only) return setRenaming(null);
    void api()
      .sources.renameTag({ from: choice.only, to })
      .then(
        () => {
          setRenaming(null);
          set({ only: to });
        },
        (e: Error) => onError(e.message),
      );
  };
  return (
    <ListFilter
      label="Filter sources"
      placeholder="Filter by title, author, date or tag"
      value={choice.filter}
      onChange={(filter) => set({ filter })}
      shown={shown}
      total={total}
    >
      <select aria-label="Tag" value={known ? choice.only : ''} onChange={(e) => set({ only: e.target.value })}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.count})
          </option>
        ))}
      </select>
      {known &&
        !deleted &&
        (renaming === null ? (
          <button type="button" onClick={() => setRenaming(choice.only)}>
            Rename tag…
          </button>
        ) : (
          <form className="tag-form" onSubmit={rename}>
            <input
              aria-label={`New name for the tag “${choice.only}”`}
              value={renaming}
              autoFocus
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setRenaming(null);
                }
              }}
            />
            <button type="submit">Rename</button>
          </form>
        ))}
      <button type="button" className="toggle-deleted" aria-pressed={deleted} onClick={() => setDeleted(!deleted)}>
        {deleted ? 'Back to the library' : 'Show deleted'}
      </button>
    </ListFilter>
  );
}
