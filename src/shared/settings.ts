import type { CitationStyle } from './export';

/** How the app looks: following the system, or a fixed choice. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The reading and writing text size, in CSS pixels; the interface scales with it. */
export const FONT_SIZES = [14, 16, 18, 20, 22] as const;

/** The three steps the first run teaches, in order: each is ticked when the writer has done it. */
export const FIRST_RUN_STEPS = ['read', 'cite', 'export'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

/** The lists whose sort and filter are kept (issue 12). */
export const LISTS = ['library', 'notes', 'entities'] as const;
export type ListName = (typeof LISTS)[number];

/** How a list is sorted and filtered, kept across reloads and launches. */
export interface ListChoice {
  /** A column's key; a list that does not know it uses its default. */
  sort: string;
  descending: boolean;
  /** The words of the filter box. */
  filter: string;
  /** The list's own narrowing: a tag (library, notes) or an entity type; '' for all. */
  only: string;
}

/**
 * The writer's choices and the workspace's shape, kept in the notebook (not in the page's
 * storage: the loopback shell's origin changes with every launch, so a page's storage forgets).
 */
export interface Settings {
  theme: Theme;
  fontSize: number;
  /** The style the Export view starts with. */
  citationStyle: CitationStyle;
  /** Width of the note pane beside the view, in CSS pixels (the splitter's position). */
  notePaneWidth: number;
  /** Width of the entity panel, in CSS pixels. */
  entityPanelWidth: number;
  /** The sidebar shows icons only. */
  sidebarCollapsed: boolean;
  /** The note open beside every view, kept across launches. */
  openNoteId: string | null;
  /** Most recently opened first; the switcher lists them. */
  recentNoteIds: string[];
  /** Which of the first run's steps are done, and whether the writer dismissed the guide. */
  firstRun: { done: FirstRunStep[]; dismissed: boolean };
  /** Each list's sort and filter, once changed. */
  lists: Partial<Record<ListName, ListChoice>>;
}

export interface SettingsView {
  settings: Settings;
  /** Where the notebook lives, to show (never to choose: a page may not name paths). */
  notebook: { folder: string; file: string };
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 16,
  citationStyle: 'chicago',
  notePaneWidth: 480,
  entityPanelWidth: 380,
  sidebarCollapsed: false,
  openNoteId: null,
  recentNoteIds: [],
  firstRun: { done: [], dismissed: false },
  lists: {},
};

export const RECENT_NOTES_KEPT = 12;
