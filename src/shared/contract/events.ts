import { event } from './define';
import type { TaskProgress } from '../domain';

export const events = {
  /** Long work (seeding, indexing, import, export) reports here so the UI can show progress. */
  progress: event<TaskProgress>(),
} as const;
