import { ENTITY_TYPES, type EntityType } from '../../../../shared/contract/ids';
import type { SearchFilters } from '../../../../shared/search';
import type { SourceSummary } from '../../../../shared/domain';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';

interface Props {
  filters: SearchFilters;
  sources: SourceSummary[];
  onChange: (filters: SearchFilters) => void;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
const only = (value: string) => (value ? [value] : undefined);

/** The same filters the query language has (entity:, source:, type:, from:, to:), as form fields. */
export function SearchFiltersForm({ filters, sources, onChange }: Props) {
  const set = (changes: Partial<SearchFilters>) => onChange({ ...filters, ...changes });
  return (
    <fieldset className="search-filters">
      <legend>Filters</legend>
      <label>
        Source
        <select value={filters.source?.[0] ?? ''} onChange={(e) => set({ source: only(e.target.value) })}>
          <option value="">Any source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.metadata.title ?? s.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mentions entity
        <input
          type="text"
          placeholder="name, alias or id"
          value={filters.entity?.[0] ?? ''}
          onChange={(e) => set({ entity: only(e.target.value.trim() ? e.target.value : '') })}
        />
      </label>
      <label>
        Entity type
        <select
          value={filters.type?.[0] ?? ''}
          onChange={(e) => set({ type: e.target.value ? [e.target.value as EntityType] : undefined })}
        >
          <option value="">Any type</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input
          type="text"
          inputMode="numeric"
          placeholder={DATE_HINT}
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label>
        To
        <input
          type="text"
          inputMode="numeric"
          placeholder={DATE_HINT}
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
    </fieldset>
  );
}

/** Only complete dates reach the service; a half-typed year is not yet a filter. */
export function usableFilters(filters: SearchFilters): SearchFilters {
  const date = (d: string | undefined) => (d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) ? d : undefined);
  return { ...filters, from: date(filters.from), to: date(filters.to) };
}
