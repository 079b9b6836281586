import type { NoteSummary } from '../../../../shared/notes';
import type { ListDefaults, ListState } from '../../app/useListChoice';

export type NoteSort = 'title' | 'updated' | 'created' | 'citations';

export const NOTE_LIST: ListDefaults<NoteSort> = {
  sorts: ['title', 'updated', 'created', 'citations'],
  sort: 'updated',
  descendingFirst: ['updated', 'created', 'citations'],
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<NoteSort, (a: NoteSummary, b: NoteSummary) => number> = {
  title: (a, b) => collator.compare(a.title, b.title),
  updated: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
  citations: (a, b) => a.citationCount - b.citationCount,
};

/** The notes as the person chose to see them: every filter word in the title, text or tags; the tag chosen; then sorted. */
export function listNotes(all: readonly NoteSummary[], choice: ListState<NoteSort>): NoteSummary[] {
  const words = choice.filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const tag = choice.only.toLocaleLowerCase();
  const compare = COMPARE[choice.sort];
  return all
    .filter((n) => !tag || n.tags.some((t) => t.toLocaleLowerCase() === tag))
    .filter((n) => {
      const hay = `${n.title} ${n.excerpt} ${n.tags.join(' ')}`.toLocaleLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => (choice.descending ? compare(b, a) : compare(a, b)) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
}

export function noteTags(all: readonly NoteSummary[]): string[] {
  const seen = new Map<string, string>();
  for (const n of all) for (const t of n.tags) if (!seen.has(t.toLocaleLowerCase())) seen.set(t.toLocaleLowerCase(), t);
  return [...seen.values()].sort((a, b) => collator.compare(a, b));
}
