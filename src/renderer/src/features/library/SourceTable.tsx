import type { SourceSummary } from '../../../../shared/domain';
import { authorsLabel } from '../../../../shared/names';
import { publishedIn } from '../../../../shared/sourceMetadata';
import { routeHref } from '../../app/route';
import type { ListState } from '../../app/useListChoice';
import { SortableHeader } from '../../ui/SortableHeader';
import { OrUnknown } from '../../ui/Unknown';
import type { SourceSort } from './listing';
import { SourceTags } from './SourceTags';

interface Props {
  list: SourceSummary[];
  choice: ListState<SourceSort>;
  sortBy: (sort: SourceSort) => void;
  /** Filter the library by a tag. */
  chooseTag: (tag: string) => void;
  deleted: boolean;
  onDelete: (source: SourceSummary) => void;
  onRestore: (source: SourceSummary) => void;
  /** A deleted source, deleted for good (asked first). */
  onPurge: (source: SourceSummary) => void;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The library's sources; each column heading sorts by it, a tag filters by it. */
export function SourceTable({ list, choice, sortBy, chooseTag, deleted, onDelete, onRestore, onPurge }: Props) {
  const header = (column: SourceSort, label: string, className?: string) => (
    <SortableHeader column={column} sort={choice.sort} descending={choice.descending} onSort={sortBy} className={className}>
      {label}
    </SortableHeader>
  );
  return (
    <table className="source-table sortable-table">
      <thead>
        <tr>
          {header('title', 'Title')}
          {header('author', 'Author', 'col-author')}
          {header('date', 'Date', 'col-date')}
          <th scope="col" className="col-publisher">
            Published in
          </th>
          {header('added', 'Added', 'col-added')}
          {/* A deleted source's passages and mentions left the library (both read 0): when it went says more. */}
          {deleted ? (
            <th scope="col" className="col-deleted">
              Deleted
            </th>
          ) : (
            <>
              {header('passages', 'Passages', 'num col-passages')}
              {header('mentions', 'Mentions', 'num col-mentions')}
            </>
          )}
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.id} data-source-id={s.id}>
            <td className="col-title">
              <a className="source-link" href={routeHref('source', [s.id])}>
                <OrUnknown value={s.metadata.title} />
              </a>
              <SourceTags source={s} onChoose={chooseTag} />
            </td>
            <td className="col-author">
              <OrUnknown value={authorsLabel(s.metadata.authors)} />
            </td>
            <td className="col-date">
              <OrUnknown value={s.metadata.issued} />
            </td>
            <td className="col-publisher">
              <OrUnknown value={publishedIn(s.metadata)} />
            </td>
            <td className="col-added">{day(s.addedAt)}</td>
            {deleted ? (
              <td className="col-deleted">{s.deletedAt ? day(s.deletedAt) : ''}</td>
            ) : (
              <>
                <td className="num col-passages">{s.passageCount}</td>
                <td className="num col-mentions">{s.mentionCount}</td>
              </>
            )}
            <td className="col-actions">
              {deleted ? (
                <div className="row-actions">
                  <button type="button" className="restore-source" onClick={() => onRestore(s)}>
                    Restore
                  </button>
                  <button
                    type="button"
                    className="purge-source"
                    aria-label={`Delete “${s.metadata.title ?? s.id}” for good…`}
                    onClick={() => onPurge(s)}
                  >
                    Delete for good…
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="delete-source"
                  aria-label={`Delete “${s.metadata.title ?? s.id}”…`}
                  onClick={() => onDelete(s)}
                >
                  Delete…
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
