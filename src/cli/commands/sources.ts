import type { SourceSummary } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { UsageError } from '../args';
import type { CliContext } from '../context';
import { orUnknown, table } from '../format';
import { SOURCE_USAGE, SOURCE_VERBS } from './specs';
import type { Runner } from './types';

export const sourcesCommand: Runner = {
  async run(ctx, _positionals, options) {
    let list = await ctx.host.sources.list(options.deleted === true ? { deleted: true } : {});
    if (typeof options.tag === 'string') {
      const wanted = options.tag.trim().toLowerCase();
      list = list.filter((s) => s.tags.some((t) => t.toLowerCase() === wanted));
    }
    if (ctx.json) return ctx.out(JSON.stringify(list, null, 2));
    const { authorsLabel } = await import('../../shared/names');
    ctx.out(
      table([
        ['ID', 'TITLE', 'AUTHOR', 'DATE', 'PASSAGES', 'TAGS'],
        ...list.map((s) => [
          s.id,
          orUnknown(s.metadata.title),
          orUnknown(authorsLabel(s.metadata.authors)),
          orUnknown(s.metadata.issued),
          String(s.passageCount),
          s.tags.join(', '),
        ]),
      ]),
    );
  },
};

function done(ctx: CliContext, text: string, value: object): void {
  ctx.out(ctx.json ? JSON.stringify(value, null, 2) : text);
}

const tagsOf = (s: SourceSummary) => (s.tags.length ? s.tags.join(', ') : 'none');

async function edit(ctx: CliContext, verb: string, args: string[], options: Record<string, unknown>): Promise<void> {
  const s = ctx.host.sources;
  const [id, ...rest] = args;
  if (!id) throw new UsageError(`name the source: ${SOURCE_USAGE}`);
  switch (verb) {
    case 'tag':
    case 'untag': {
      if (rest.length === 0) throw new UsageError(`source ${verb} <id> <tag>… needs at least one tag`);
      const result = verb === 'tag' ? await s.tag({ sourceId: id, tags: rest }) : await s.untag({ sourceId: id, tags: rest });
      return done(ctx, `${id} tags: ${tagsOf(result)}.`, result);
    }
    case 'rename-tag': {
      if (rest.length !== 1) throw new UsageError('source rename-tag <old> <new> (quote a tag with spaces)');
      const result = await s.renameTag({ from: id, to: rest[0]! });
      return done(ctx, `Renamed the tag on ${result.renamed} source${result.renamed === 1 ? '' : 's'}.`, result);
    }
    case 'delete': {
      const result = await s.delete({ id, keepCitations: options['keep-citations'] === true });
      const pinned = result.pinned ? ` ${result.pinned} citation${result.pinned === 1 ? '' : 's'} keep their pinned version.` : '';
      return done(ctx, `Deleted “${result.title ?? id}” (${id}).${pinned} Undo with \`sourcebook source restore ${id}\`.`, result);
    }
    case 'purge': {
      const result = await s.purge({ id });
      const revisions = result.revisionsQuoting
        ? ` ${result.revisionsQuoting} earlier note revision${result.revisionsQuoting === 1 ? '' : 's'} quoting it can no longer be restored.`
        : '';
      return done(ctx, `Deleted “${result.title ?? id}” (${id}) for good: its text is gone from the notebook.${revisions}`, result);
    }
    default: {
      const result = await s.restore({ id });
      return done(ctx, `Restored “${result.metadata.title ?? id}” (${id}).`, result);
    }
  }
}

export const sourceCommand: Runner = {
  async run(ctx, [first, ...rest], options) {
    if (first && SOURCE_VERBS.includes(first)) return edit(ctx, first, rest, options);
    const id = first;
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
      `${orUnknown(m.title)}\n  id: ${detail.id}\n  author: ${orUnknown(authorsLabel(m.authors))}\n  date: ${orUnknown(m.issued)}\n  published in: ${orUnknown(publishedIn(m))}\n  tags: ${tagsOf(detail)}\n  sha256: ${detail.sha256}` +
        (detail.deletedAt ? `\n  deleted: ${detail.deletedAt} (restore with \`sourcebook source restore ${detail.id}\`)` : ''),
    );
    if (withPassages) for (const p of detail.passages) ctx.out(`\n¶${p.ordinal} [${p.kind}] ${p.text}`);
  },
};
