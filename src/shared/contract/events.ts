import { event } from './define';
import type { Change, TaskProgress } from '../domain';
import type { SavedSearchMatch, SearchStatus } from '../search';

export const events = {
  /** Long work (seeding, indexing, import, export) reports here so the UI can show progress. */
  progress: event<TaskProgress>(),
  /**
   * Committed changes, whoever made them: views refresh what they show from these, and derived
   * data (the search index) catches up. Several changes of one commit arrive together.
   */
  changed: event<{ changes: Change[] }>(),
  /** The search index's state (building, ready, failed, not saved), for the banner. */
  searchStatus: event<SearchStatus>(),
  /** An import brought passages that saved searches match ("3 new passages match 'Capvision'"). */
  savedSearchMatches: event<{ sourceIds: string[]; matches: SavedSearchMatch[] }>(),
  /**
   * The desktop shell is about to close its window: the page saves its open note (recording a
   * revision) and then closes itself. Only the Electron shell sends it, to its own window.
   */
  closing: event<Record<string, never>>(),
} as const;
