import type { NoteSummary } from '../../../../shared/notes';
import type { ListState } from '../../app/useListChoice';
import { SortableHeader } from '../../ui/SortableHeader';
import type { NoteSort } from './listing';

interface Props {
  list: NoteSummary[];
  choice: ListState<NoteSort>;
  sortBy: (sort: NoteSort) => void;
  trash: boolean;
  openNoteId: string | null;
  open: (note: NoteSummary) => void;
  moveToTrash: (note: NoteSummary) => void;
  restore: (note: NoteSummary) => void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The notes with their dates, citations, tags and the start of their text; each heading sorts. */
export function NoteTable({ list, choice, sortBy, trash, openNoteId, open, moveToTrash, restore }: Props) {
  const header = (column: NoteSort, label: string, className: string) => (
    <SortableHeader column={column} sort={choice.sort} descending={choice.descending} onSort={sortBy} className={className}>
      {label}
    </SortableHeader>
  );
  return (
    <table className="note-table sortable-table">
      <thead>
        <tr>
          {header('title', 'Title', 'col-title')}
          {header('updated', 'Updated', 'col-updated')}
          {header('created', 'Created', 'col-created')}
          {header('citations', 'Citations', 'num col-citations')}
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((n) => (
          <tr key={n.id} className={n.id === openNoteId ? 'active' : ''} data-note-id={n.id}>
            <td className="col-title">
              <div className="note-cell">
                {trash ? (
                  <span className="note-list-title">{n.title}</span>
                ) : (
                  <button type="button" className="note-list-title link-button" aria-current={n.id === openNoteId} onClick={() => open(n)}>
                    {n.title}
                  </button>
                )}
                {(n.tags.length > 0 || n.reviewCount > 0) && (
                  <span className="note-list-meta">
                    {n.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                    {n.reviewCount > 0 && <span className="review-badge">{n.reviewCount} to review</span>}
                  </span>
                )}
                {n.excerpt && <span className="note-excerpt">{n.excerpt}</span>}
              </div>
            </td>
            <td className="col-updated">
              <time dateTime={n.updatedAt}>{when(n.updatedAt)}</time>
            </td>
            <td className="col-created">
              <time dateTime={n.createdAt}>{day(n.createdAt)}</time>
            </td>
            <td className="num col-citations">{n.citationCount}</td>
            <td className="col-actions">
              {trash ? (
                <button type="button" className="restore-note" onClick={() => restore(n)}>
                  Restore
                </button>
              ) : (
                <button type="button" className="trash-note" aria-label={`Move “${n.title}” to the trash`} onClick={() => moveToTrash(n)}>
                  Trash
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
