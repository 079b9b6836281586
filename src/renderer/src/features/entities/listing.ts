import type { EntitySummary, EntityType } from '../../../../shared/domain';

export type EntitySort = 'mentions' | 'name' | 'sources' | 'type' | 'date';
export const ENTITY_SORTS: readonly EntitySort[] = ['mentions', 'name', 'sources', 'type', 'date'];

export interface EntityListing {
  text: string;
  type: EntityType | '';
  sort: EntitySort;
  /** Only entities mentioned in at least this many sources. */
  minSources: number;
}

const byName = (a: EntitySummary, b: EntitySummary) => a.name.localeCompare(b.name);
const COMPARE: Record<EntitySort, (a: EntitySummary, b: EntitySummary) => number> = {
  mentions: (a, b) => b.mentionCount - a.mentionCount || byName(a, b),
  sources: (a, b) => b.sourceCount - a.sourceCount || b.mentionCount - a.mentionCount || byName(a, b),
  name: byName,
  type: (a, b) => a.type.localeCompare(b.type) || byName(a, b),
  // Undated last: the list is about what is known.
  date: (a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || byName(a, b),
};

/** Filters by words in the name, aliases or description, by type and by reach; then sorts. */
export function listEntities(all: readonly EntitySummary[], l: EntityListing): EntitySummary[] {
  const words = l.text.toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((e) => !l.type || e.type === l.type)
    .filter((e) => e.sourceCount >= l.minSources)
    .filter((e) => {
      const hay = `${e.name} ${e.aliases.join(' ')} ${e.description}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort(COMPARE[l.sort]);
}
