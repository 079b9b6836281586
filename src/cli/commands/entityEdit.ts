import type { EntitySummary, EntityType } from '../../shared/domain';
import { UsageError } from '../args';
import type { CliContext } from '../context';
import { ENTITY_EDIT_USAGE } from './specs';
import type { Runner } from './types';

async function idOf(ctx: CliContext, ref: string | undefined): Promise<string> {
  if (!ref) throw new UsageError(`name the entity: ${ENTITY_EDIT_USAGE}`);
  return (await ctx.host.entities.resolve({ ref })).id;
}

function report(ctx: CliContext, done: string, entity: EntitySummary | object): void {
  if (ctx.json) ctx.out(JSON.stringify(entity, null, 2));
  else ctx.out(done);
}

/** `entity <verb> …`: each edit goes through the contract, is kept in the entity's history and can be undone. */
export const entityEditCommand: Runner = {
  async run(ctx, [verb, ...rest], options) {
    const e = ctx.host.entities;
    switch (verb) {
      case 'create': {
        if (!options.type) throw new UsageError('entity create needs --type person|organization|place|law|event.');
        const made = await e.create({
          type: options.type as EntityType,
          name: rest.join(' '),
          aliases: (options.alias as string[] | undefined) ?? [],
        });
        return report(ctx, `Created ${made.type} "${made.name}" (${made.id}).`, made);
      }
      case 'rename': {
        const [ref, ...name] = rest;
        const done = await e.rename({ id: await idOf(ctx, ref), name: name.join(' ') });
        return report(ctx, `Renamed to "${done.name}".`, done);
      }
      case 'type': {
        const done = await e.setType({ id: await idOf(ctx, rest[0]), type: rest[1] as EntityType });
        return report(ctx, `"${done.name}" is now a ${done.type}.`, done);
      }
      case 'alias': {
        const [action, ref, ...alias] = rest;
        if (action !== 'add' && action !== 'remove') throw new UsageError('entity alias add|remove <ref> <alias>');
        const input = { id: await idOf(ctx, ref), alias: alias.join(' ') };
        const done = action === 'add' ? await e.addAlias(input) : await e.removeAlias(input);
        return report(ctx, `"${done.name}" aliases: ${done.aliases.join(', ') || 'none'}.`, done);
      }
      case 'merge': {
        if (typeof options.into !== 'string') throw new UsageError('entity merge <ref> --into <ref>');
        const done = await e.merge({ id: await idOf(ctx, rest.join(' ')), into: await idOf(ctx, options.into) });
        return report(ctx, `Merged into "${done.name}" (${done.mentionCount} mentions).`, done);
      }
      case 'split': {
        const ids = String(options.ids ?? '')
          .split(',')
          .filter(Boolean)
          .map(Number);
        if (!ids.length || typeof options.name !== 'string') throw new UsageError('entity split <ref> --ids 1,2 --name <name>');
        const type = options.type as EntityType | undefined;
        const done = await e.split({ id: await idOf(ctx, rest.join(' ')), mentionIds: ids, name: options.name, ...(type ? { type } : {}) });
        return report(ctx, `Split ${ids.length} mention(s) into "${done.name}" (${done.id}).`, done);
      }
      case 'delete': {
        const done = await e.delete({ id: await idOf(ctx, rest.join(' ')) });
        return report(ctx, `Deleted ${done.deleted}.`, done);
      }
      case 'history': {
        const edits = await e.history({ id: await idOf(ctx, rest.join(' ')) });
        if (ctx.json) return ctx.out(JSON.stringify(edits, null, 2));
        for (const h of edits) ctx.out(`${h.id}\t${h.at}\t${h.summary}${h.undoneAt ? ' (undone)' : ''}`);
        return;
      }
      case 'undo': {
        const done = await e.undo({ editId: Number(rest[0]) });
        return report(ctx, `Undone: ${done.summary}.`, done);
      }
      default:
        throw new UsageError(ENTITY_EDIT_USAGE);
    }
  },
};
