import type { EntityType } from '../../shared/domain';
import { UsageError } from '../args';
import { table } from '../format';
import { entityEditCommand } from './entityEdit';
import { EDIT_VERBS } from './specs';
import type { Runner } from './types';

export const entitiesCommand: Runner = {
  async run(ctx, _, options) {
    const format = ctx.json ? 'json' : (options.format as string | undefined);
    if (format !== undefined && format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}".`);
    // The contract validates the user's words at dispatch; an unknown type comes back as a clear error.
    const type = options.type === undefined ? {} : { type: options.type as EntityType };
    if (format) {
      // The same file the app's Export buttons download.
      const what = options.mentions === true ? 'mentions' : 'entities';
      return ctx.out((await ctx.host.entities.exportFile({ what, format, ...type })).text.trimEnd());
    }
    const list = await ctx.host.entities.list(type);
    ctx.out(table([['ID', 'TYPE', 'NAME', 'MENTIONS'], ...list.map((e) => [e.id, e.type, e.name, String(e.mentionCount)])]));
  },
};

export const entityCommand: Runner = {
  async run(ctx, positionals, options) {
    if (EDIT_VERBS.includes(positionals[0] ?? '')) return entityEditCommand.run(ctx, positionals, options);
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
