import { entitiesCommand, entityCommand } from './entities';
import { openCommand } from './open';
import { sourceCommand, sourcesCommand } from './sources';
import type { Command } from './types';

/** Each feature adds its commands here; the dispatcher and help are built from this list. */
export const commands: readonly Command[] = [openCommand, sourcesCommand, sourceCommand, entitiesCommand, entityCommand];
