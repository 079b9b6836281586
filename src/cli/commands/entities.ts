import type { EntityType } from '../../shared/domain';
import { table } from '../format';
import type { Command } from './types';

export const entitiesCommand: Command = {
  name: 'entities',
  usage: 'entities [--type person|organization|place|law|event] [--json]',
  summary: 'List entities with their mention counts.',
  options: { type: { type: 'string', description: 'only this type' } },
  async run(ctx, _, options) {
    // The contract validates the user's words at dispatch; an unknown type comes back as a clear error.
    const list = await ctx.host.entities.list(options.type === undefined ? {} : { type: options.type as EntityType });
    if (ctx.json) return ctx.out(JSON.stringify(list, null, 2));
    ctx.out(table([['ID', 'TYPE', 'NAME', 'MENTIONS'], ...list.map((e) => [e.id, e.type, e.name, String(e.mentionCount)])]));
  },
};

export const entityCommand: Command = {
  name: 'entity',
  usage: 'entity <id|name|alias> [--mentions] [--json]',
  summary: 'Show one entity, with --mentions every mention in context.',
  options: { mentions: { type: 'boolean', description: 'include every mention with its context' } },
  async run(ctx, positionals, options) {
    const ref = positionals.join(' ');
    const { id } = await ctx.host.entities.resolve({ ref });
    const detail = await ctx.host.entities.get({ id });
    const withMentions = options.mentions === true;
    if (ctx.json) {
      const { mentions, ...summary } = detail;
      return ctx.out(JSON.stringify(withMentions ? detail : { ...summary, mentionCount: mentions.length }, null, 2));
    }
    ctx.out(
      `${detail.name} (${detail.type}${detail.date ? `, ${detail.date}` : ''})\n  id: ${detail.id}\n  aliases: ${detail.aliases.join(', ') || 'none'}\n  ${detail.description}`,
    );
    if (withMentions) {
      for (const m of detail.mentions)
        ctx.out(`\n${m.sourceId} ¶${m.passageOrdinal}: …${m.before.slice(-60)}[${m.match}]${m.after.slice(0, 60)}…`);
    }
  },
};
