import { entitiesCommand, entityCommand } from './entities';
import { bibliographyCommand, exportCommand } from './export';
import { graphCommand, timelineCommand } from './graph';
import { importCommand } from './import';
import { backupCommand, doctorCommand, restoreCommand } from './maintenance';
import { noteCommand, notesCommand } from './notes';
import { openCommand } from './open';
import { searchCommand } from './search';
import { sourceCommand, sourcesCommand } from './sources';
import type { Command } from './types';
import { verifyCommand } from './verify';
import { citeCommand } from './cite';
import { reviewCommand } from './review';

/** Each feature adds its commands here; the dispatcher and help are built from this list. */
export const commands: readonly Command[] = [
  openCommand,
  sourcesCommand,
  sourceCommand,
  entitiesCommand,
  entityCommand,
  graphCommand,
  timelineCommand,
  searchCommand,
  notesCommand,
  noteCommand,
  importCommand,
  exportCommand,
  bibliographyCommand,
  verifyCommand,
  citeCommand,
  reviewCommand,
  doctorCommand,
  backupCommand,
  restoreCommand,
];
