import type { SearchHit, SearchResponse } from '../../../../shared/search';
import { EntityTypeBadge } from '../../ui/EntityTypeBadge';
import { Highlighted } from './Highlighted';
import { hitHref, KIND_LABELS } from './hitHref';

interface Props {
  response: SearchResponse;
  /** Index into the flattened hits of the keyboard selection, or -1. */
  selected: number;
  idPrefix: string;
  onOpen?: (hit: SearchHit) => void;
  onHover?: (index: number) => void;
}

export function flatHits(response: SearchResponse | null): SearchHit[] {
  return response ? response.groups.flatMap((g) => g.hits) : [];
}

export function optionId(idPrefix: string, index: number): string {
  return `${idPrefix}-option-${index}`;
}

function HitBody({ hit }: { hit: SearchHit }) {
  const s = hit.snippet;
  const where = hit.kind === 'passage' ? `¶${hit.ordinal}` : null;
  return (
    <>
      <span className="search-hit-title">
        {hit.kind === 'entity' && hit.entityType && <EntityTypeBadge type={hit.entityType} />}
        {/* One flex item: the title's text and marks must not be spaced apart like the badge and ¶. */}
        <span>{hit.titleRanges ? <Highlighted text={hit.title} ranges={hit.titleRanges} /> : hit.title}</span>
        {where && <span className="search-hit-where">{where}</span>}
      </span>
      {s.text && (
        <span className="search-hit-snippet">
          {s.clippedStart && '…'}
          <Highlighted text={s.text} ranges={s.ranges} />
          {s.clippedEnd && '…'}
        </span>
      )}
    </>
  );
}

/** Results grouped by kind; one listbox so arrow keys move through every group in order. */
export function ResultList({ response, selected, idPrefix, onOpen, onHover }: Props) {
  let index = -1;
  return (
    <div className="search-results" role="listbox" id={`${idPrefix}-listbox`} aria-label="Search results">
      {response.groups.map((group) => (
        <div className="search-group" role="group" aria-labelledby={`${idPrefix}-${group.kind}`} key={group.kind} data-kind={group.kind}>
          <h3 className="search-group-title" id={`${idPrefix}-${group.kind}`}>
            {KIND_LABELS[group.kind]}{' '}
            <span className="search-count">{group.total > group.hits.length ? `${group.hits.length} of ${group.total}` : group.total}</span>
          </h3>
          {group.hits.map((hit) => {
            index++;
            const i = index;
            return (
              <a
                key={`${hit.kind}:${hit.id}`}
                id={optionId(idPrefix, i)}
                role="option"
                aria-selected={i === selected}
                className={`search-hit kind-${hit.kind} ${i === selected ? 'selected' : ''}`}
                href={hitHref(hit)}
                data-kind={hit.kind}
                data-id={hit.id}
                tabIndex={-1}
                onClick={() => onOpen?.(hit)}
                onMouseMove={() => onHover?.(i)}
              >
                <HitBody hit={hit} />
              </a>
            );
          })}
        </div>
      ))}
    </div>
  );
}
