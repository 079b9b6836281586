import type { EntitySummary, EntityType } from '../../../../shared/domain';
import type { ListDefaults, ListState } from '../../app/useListChoice';

export type EntitySort = 'mentions' | 'name' | 'sources' | 'type' | 'date';
export const ENTITY_SORTS: readonly EntitySort[] = ['mentions', 'name', 'sources', 'type', 'date'];

export const ENTITY_LIST: ListDefaults<EntitySort> = {
  sorts: ENTITY_SORTS,
  sort: 'mentions',
  descendingFirst: ['mentions', 'sources'],
};

export interface EntityListing extends ListState<EntitySort> {
  /** Only entities mentioned in at least this many sources. */
  minSources: number;
}

const byName = (a: EntitySummary, b: EntitySummary) => a.name.localeCompare(b.name);
/** Each column in its natural (ascending) order; ties fall to the next key, then the name. */
const COMPARE: Record<EntitySort, (a: EntitySummary, b: EntitySummary) => number> = {
  mentions: (a, b) => a.mentionCount - b.mentionCount,
  sources: (a, b) => a.sourceCount - b.sourceCount || a.mentionCount - b.mentionCount,
  name: byName,
  type: (a, b) => a.type.localeCompare(b.type),
  date: (a, b) => (a.date ?? '').localeCompare(b.date ?? ''),
};

/** Filters by words in the name, aliases or description, by type (`only`) and by reach; then sorts. */
export function listEntities(all: readonly EntitySummary[], l: EntityListing): EntitySummary[] {
  const words = l.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const type = l.only as EntityType | '';
  const compare = COMPARE[l.sort];
  return all
    .filter((e) => !type || e.type === type)
    .filter((e) => e.sourceCount >= l.minSources)
    .filter((e) => {
      const hay = `${e.name} ${e.aliases.join(' ')} ${e.description}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => {
      // Undated last whichever way: the list is about what is known.
      if (l.sort === 'date' && !a.date !== !b.date) return a.date ? -1 : 1;
      return (l.descending ? compare(b, a) : compare(a, b)) || byName(a, b);
    });
}
