import { entitiesCommand, entityCommand } from './entities';
import { bibliographyCommand, exportCommand } from './export';
import { importCommand } from './import';
import { backupCommand, doctorCommand, restoreCommand } from './maintenance';
import { noteCommand, notesCommand } from './notes';
import { openCommand } from './open';
import { searchCommand } from './search';
import { sourceCommand, sourcesCommand } from './sources';
import type { Command } from './types';

/** Each feature adds its commands here; the dispatcher and help are built from this list. */
export const commands: readonly Command[] = [
  openCommand,
  sourcesCommand,
  sourceCommand,
  entitiesCommand,
  entityCommand,
  searchCommand,
  notesCommand,
  noteCommand,
  importCommand,
  exportCommand,
  bibliographyCommand,
  doctorCommand,
  backupCommand,
  restoreCommand,
];
