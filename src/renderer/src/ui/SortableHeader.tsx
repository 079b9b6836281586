import type { ReactNode } from 'react';

interface Props<S extends string> {
  column: S;
  sort: S;
  descending: boolean;
  onSort: (column: S) => void;
  className?: string;
  children: ReactNode;
}

/** A column heading that sorts by its column; a second press turns the order round. aria-sort says which way. */
export function SortableHeader<S extends string>({ column, sort, descending, onSort, className, children }: Props<S>) {
  const active = column === sort;
  return (
    <th scope="col" className={className} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {children}
        <span className="sort-mark" aria-hidden="true">
          {active ? (descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );
}
