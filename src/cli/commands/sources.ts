import { ApiError } from '../../shared/errors';
import { orUnknown, table } from '../format';
import type { Command } from './types';

export const sourcesCommand: Command = {
  name: 'sources',
  usage: 'sources [--json]',
  summary: 'List the sources in the notebook.',
  async run(ctx) {
    const list = await ctx.host.sources.list({});
    if (ctx.json) return ctx.out(JSON.stringify(list, null, 2));
    const { authorsLabel } = await import('../../shared/names');
    ctx.out(
      table([
        ['ID', 'TITLE', 'AUTHOR', 'DATE', 'PASSAGES'],
        ...list.map((s) => [
          s.id,
          orUnknown(s.metadata.title),
          orUnknown(authorsLabel(s.metadata.authors)),
          orUnknown(s.metadata.issued),
          String(s.passageCount),
        ]),
      ]),
    );
  },
};

export const sourceCommand: Command = {
  name: 'source',
  usage: 'source <id> [--passages] [--json]',
  summary: 'Show one source, with --passages its numbered passages.',
  options: { passages: { type: 'boolean', description: 'include the passages' } },
  async run(ctx, [id], options) {
    if (!id) throw new ApiError('invalid_input', 'name a source id (see `sourcebook sources`)');
    const detail = await ctx.host.sources.get({ id });
    const withPassages = options.passages === true;
    if (ctx.json) {
      const { passages, ...summary } = detail;
      return ctx.out(JSON.stringify(withPassages ? detail : { ...summary, passageCount: passages.length }, null, 2));
    }
    const m = detail.metadata;
    const [{ authorsLabel }, { publishedIn }] = await Promise.all([import('../../shared/names'), import('../../shared/sourceMetadata')]);
    ctx.out(
      `${orUnknown(m.title)}\n  id: ${detail.id}\n  author: ${orUnknown(authorsLabel(m.authors))}\n  date: ${orUnknown(m.issued)}\n  published in: ${orUnknown(publishedIn(m))}\n  sha256: ${detail.sha256}`,
    );
    if (withPassages) for (const p of detail.passages) ctx.out(`\n¶${p.ordinal} [${p.kind}] ${p.text}`);
  },
};
