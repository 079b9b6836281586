import * as spec from './specs';
import type { Command, CommandSpec, Runner } from './types';

/**
 * A command whose code is loaded when it runs. Help, usage errors and the parser read only the
 * spec; a command loads its own module and no other's (the CLI starts in ~150 ms, most of it
 * Node's own start-up, so every module counts).
 */
function lazy(commandSpec: CommandSpec, load: () => Promise<Runner>): Command {
  return { ...commandSpec, run: async (ctx, positionals, options) => (await load()).run(ctx, positionals, options) };
}

/** Each feature adds its commands here; the dispatcher and help are built from this list. */
export const commands: readonly Command[] = [
  lazy(spec.openSpec, async () => (await import('./open')).openCommand),
  lazy(spec.sourcesSpec, async () => (await import('./sources')).sourcesCommand),
  lazy(spec.sourceSpec, async () => (await import('./sources')).sourceCommand),
  lazy(spec.entitiesSpec, async () => (await import('./entities')).entitiesCommand),
  lazy(spec.entitySpec, async () => (await import('./entities')).entityCommand),
  lazy(spec.graphSpec, async () => (await import('./graph')).graphCommand),
  lazy(spec.timelineSpec, async () => (await import('./graph')).timelineCommand),
  lazy(spec.searchSpec, async () => (await import('./search')).searchCommand),
  lazy(spec.notesSpec, async () => (await import('./notes')).notesCommand),
  lazy(spec.noteSpec, async () => (await import('./notes')).noteCommand),
  lazy(spec.importSpec, async () => (await import('./import')).importCommand),
  lazy(spec.exportSpec, async () => (await import('./export')).exportCommand),
  lazy(spec.bibliographySpec, async () => (await import('./export')).bibliographyCommand),
  lazy(spec.verifySpec, async () => (await import('./verify')).verifyCommand),
  lazy(spec.citeSpec, async () => (await import('./cite')).citeCommand),
  lazy(spec.reviewSpec, async () => (await import('./review')).reviewCommand),
  lazy(spec.doctorSpec, async () => (await import('./maintenance')).doctorCommand),
  lazy(spec.backupSpec, async () => (await import('./maintenance')).backupCommand),
  lazy(spec.restoreSpec, async () => (await import('./maintenance')).restoreCommand),
];
