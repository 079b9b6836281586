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
    const list = await ctx.host.entities.list(options.type === undefined ? {} : { type: options.type as EntityType });
    if (options.mentions === true && format) {
      const details = await Promise.all(list.map((e) => ctx.host.entities.get({ id: e.id })));
      if (format !== 'csv') return ctx.out(JSON.stringify(details, null, 2));
      const { mentionsCsv } = await import('../../main/services/entities/exports');
      return ctx.out(mentionsCsv(details).trimEnd());
    }
    if (format === 'json') return ctx.out(JSON.stringify(list, null, 2));
    if (format === 'csv') return ctx.out((await import('../../main/services/entities/exports')).entitiesCsv(list).trimEnd());
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
