import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { NoteId } from './notes';
import { CITATION_STYLES } from '../export';
import { FIRST_RUN_STEPS, FONT_SIZES, RECENT_NOTES_KEPT, THEMES, type ListChoice, type Settings, type SettingsView } from '../settings';

const Width = lazy(() => z.number().int().min(200, 'must be at least 200 pixels').max(2000, 'must be at most 2000 pixels'));

const ListChoiceSchema = lazy(
  () =>
    z
      .object({
        sort: z.string().max(40),
        descending: z.boolean(),
        filter: z.string().max(200, 'must be at most 200 characters'),
        only: z.string().max(80),
      })
      .strict() satisfies z.ZodType<ListChoice>,
);

/** Every field of Settings, each checked; a change names only what it changes. */
export const SettingsSchema = lazy(
  () =>
    z
      .object({
        theme: z.enum(THEMES),
        fontSize: z
          .number()
          .int()
          .refine((n) => (FONT_SIZES as readonly number[]).includes(n), `must be one of ${FONT_SIZES.join(', ')}`),
        citationStyle: z.enum(CITATION_STYLES),
        notePaneWidth: Width(),
        entityPanelWidth: Width(),
        sidebarCollapsed: z.boolean(),
        openNoteId: NoteId().nullable(),
        recentNoteIds: z.array(NoteId()).max(RECENT_NOTES_KEPT),
        firstRun: z.object({ done: z.array(z.enum(FIRST_RUN_STEPS)).max(FIRST_RUN_STEPS.length), dismissed: z.boolean() }).strict(),
        lists: z
          .object({ library: ListChoiceSchema().optional(), notes: ListChoiceSchema().optional(), entities: ListChoiceSchema().optional() })
          .strict(),
      })
      .strict() satisfies z.ZodType<Settings>,
);

export const settings = {
  get: call(() => z.object({}).strict()).returns<SettingsView>(),
  /** Changes the named settings and returns all of them; the rest stay as they were. */
  update: call(() => SettingsSchema().partial().strict()).returns<SettingsView>(),
} as const;
