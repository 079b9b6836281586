import type { SourceSummary } from '../../../../shared/domain';
import { authorsLabel } from '../../../../shared/names';
import { publishedIn } from '../../../../shared/sourceMetadata';
import type { ListDefaults, ListState } from '../../app/useListChoice';

export type SourceSort = 'title' | 'author' | 'date' | 'added' | 'passages' | 'mentions';

export const SOURCE_LIST: ListDefaults<SourceSort> = {
  sorts: ['title', 'author', 'date', 'added', 'passages', 'mentions'],
  sort: 'added',
  descendingFirst: ['date', 'passages', 'mentions'],
};

/**
 * A publication date as written ("2024-12-15", "March 3, 2020", "Spring 2021") turned into a key
 * that sorts in time: an ISO date as it is, another date the engine can read, else its year. Null
 * when it holds no date at all.
 */
export function dateKey(issued: string | null | undefined): string | null {
  if (!issued) return null;
  const iso = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(issued.trim());
  if (iso) return iso[0];
  const parsed = Date.parse(issued);
  if (Number.isFinite(parsed)) return new Date(parsed).toISOString().slice(0, 10);
  return /\b(1\d{3}|20\d{2})\b/.exec(issued)?.[1] ?? null;
}

const text = (s: SourceSummary) => (s.metadata.title ?? '').trim();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Unknown values sort last whichever way the column is turned: the list is about what is known. */
function byKnown<T>(a: T | null, b: T | null, compare: (a: T, b: T) => number, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? compare(b, a) : compare(a, b);
}
const strings = (a: string, b: string) => collator.compare(a, b);
const numbers = (a: number, b: number) => a - b;
const orNull = (s: string) => (s === '' ? null : s);

const KEY: Record<SourceSort, (s: SourceSummary) => string | number | null> = {
  title: (s) => orNull(text(s)),
  author: (s) => orNull(authorsLabel(s.metadata.authors) ?? ''),
  date: (s) => dateKey(s.metadata.issued),
  added: (s) => s.addedAt,
  passages: (s) => s.passageCount,
  mentions: (s) => s.mentionCount,
};

/** Whether every word of the filter is in the source's title, authors, publication, date, tags or id. */
function matches(s: SourceSummary, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = [text(s), authorsLabel(s.metadata.authors), publishedIn(s.metadata), s.metadata.issued, s.tags.join(' '), s.id, s.fileName]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * The library as the person chose to see it: filtered by words and tag, then sorted (title breaks
 * ties). A kept tag that no source listed carries (the deleted sources, a tag removed everywhere)
 * filters nothing, as the tag menu then says "All tags": it hid every source behind that label.
 */
export function listSources(all: readonly SourceSummary[], choice: ListState<SourceSort>): SourceSummary[] {
  const words = choice.filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const chosen = choice.only.toLocaleLowerCase();
  const hasTag = (s: SourceSummary, tag: string) => s.tags.some((t) => t.toLocaleLowerCase() === tag);
  const tag = chosen && all.some((s) => hasTag(s, chosen)) ? chosen : '';
  const key = KEY[choice.sort];
  return all
    .filter((s) => (!tag || hasTag(s, tag)) && matches(s, words))
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const first =
        typeof x === 'number' || typeof y === 'number'
          ? byKnown(x as number | null, y as number | null, numbers, choice.descending)
          : byKnown(x, y, strings, choice.descending);
      return first || strings(text(a), text(b)) || a.id.localeCompare(b.id);
    });
}

/** Every tag in the library, with how many sources carry it, for the tag filter. */
export function tagCounts(all: readonly SourceSummary[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const s of all)
    for (const tag of s.tags) {
      const entry = counts.get(tag.toLocaleLowerCase()) ?? { tag, count: 0 };
      entry.count += 1;
      counts.set(tag.toLocaleLowerCase(), entry);
    }
  return [...counts.values()].sort((a, b) => collator.compare(a.tag, b.tag));
}
