import { ENTITY_TYPES, type EntityType } from '../../../../shared/contract/ids';
import type { SearchFilters } from '../../../../shared/search';
import type { SourceSummary } from '../../../../shared/domain';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';

interface Props {
  filters: SearchFilters;
  sources: SourceSummary[];
  onChange: (filters: SearchFilters) => void;
  /** The filters in force, as the last answer reported them: those typed in the query show here too. */
  inForce?: SearchFilters;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
const only = (value: string) => (value ? [value] : undefined);

/**
 * The same filters the query language has (entity:, source:, type:, from:, to:, undated:), as
 * form fields. A filter typed in the query shows in its field, marked as coming from the query.
 */
export function SearchFiltersForm({ filters, sources, onChange, inForce = {} }: Props) {
  const set = (changes: Partial<SearchFilters>) => onChange({ ...filters, ...changes });
  // What a field shows: the form's own value, else what the query typed (first value of a list).
  const typed = <K extends keyof SearchFilters>(key: K) =>
    filters[key] === undefined || (Array.isArray(filters[key]) && !filters[key].length) ? inForce[key] : undefined;
  const first = (v: string[] | undefined) => v?.[0] ?? '';
  const fromQuery = (key: keyof SearchFilters) =>
    typed(key) !== undefined ? (
      <span className="from-query" title="Typed in the query; edit it there">
        {' '}
        (in the query)
      </span>
    ) : null;
  const dated = !!(filters.from || filters.to || inForce.from || inForce.to);
  return (
    <fieldset className="search-filters">
      <legend>Filters</legend>
      <label>
        Source{fromQuery('source')}
        <select value={filters.source?.[0] ?? first(typed('source'))} onChange={(e) => set({ source: only(e.target.value) })}>
          <option value="">Any source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.metadata.title ?? s.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mentions entity{fromQuery('entity')}
        <input
          type="text"
          placeholder="name, alias or id"
          value={filters.entity?.[0] ?? first(typed('entity'))}
          onChange={(e) => set({ entity: only(e.target.value.trim() ? e.target.value : '') })}
        />
      </label>
      <label>
        Entity type{fromQuery('type')}
        <select
          value={filters.type?.[0] ?? first(typed('type'))}
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
        From{fromQuery('from')}
        <input
          type="text"
          inputMode="numeric"
          placeholder={DATE_HINT}
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          value={filters.from ?? typed('from') ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label>
        To{fromQuery('to')}
        <input
          type="text"
          inputMode="numeric"
          placeholder={DATE_HINT}
          pattern="\d{4}(-\d{2}(-\d{2})?)?"
          value={filters.to ?? typed('to') ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
      {dated && (
        <label className="search-undated">
          <input
            type="checkbox"
            checked={(filters.undated ?? inForce.undated) === 'include'}
            onChange={(e) => set({ undated: e.target.checked ? 'include' : undefined })}
          />
          Include sources without a date
        </label>
      )}
    </fieldset>
  );
}

/** Only complete dates reach the service; a half-typed year is not yet a filter. */
export function usableFilters(filters: SearchFilters): SearchFilters {
  const date = (d: string | undefined) => (d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) ? d : undefined);
  return { ...filters, from: date(filters.from), to: date(filters.to) };
}
