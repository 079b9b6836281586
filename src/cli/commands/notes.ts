import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { NoteDetail } from '../../shared/notes';
import { table } from '../format';
import type { Runner } from './types';

export const notesCommand: Runner = {
  async run(ctx, _, options) {
    const list = await ctx.host.notes.list({
      ...(options.trash === true ? { trash: true } : {}),
      ...(typeof options.tag === 'string' ? { tag: options.tag } : {}),
    });
    if (ctx.json) return ctx.out(JSON.stringify(list, null, 2));
    if (list.length === 0)
      return ctx.out(options.trash ? 'The trash is empty.' : 'No notes yet: `sourcebook note create --title "…"` makes one.');
    ctx.out(
      table([
        ['ID', 'TITLE', 'TAGS', 'CITATIONS', 'UPDATED'],
        ...list.map((n) => [
          n.id,
          n.title,
          n.tags.join(', '),
          n.reviewCount ? `${n.citationCount} (${n.reviewCount} to review)` : String(n.citationCount),
          n.updatedAt.slice(0, 16).replace('T', ' '),
        ]),
      ]),
    );
  },
};

export const noteCommand: Runner = {
  async run(ctx, positionals, options) {
    const [first, ...rest] = positionals;
    if (first === 'create') {
      if (rest.length) throw new ApiError('invalid_input', `unexpected argument "${rest[0]}"; quote a title with spaces: --title "…"`);
      const title = typeof options.title === 'string' ? options.title : undefined;
      if (!title) throw new ApiError('invalid_input', 'note create needs --title "…"');
      const file = typeof options['from-markdown'] === 'string' ? path.resolve(options['from-markdown']) : undefined;
      let note: NoteDetail;
      if (file) {
        let markdown: string;
        try {
          markdown = fs.readFileSync(file, 'utf8');
        } catch (error) {
          throw new ApiError('invalid_input', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
        note = await ctx.host.notes.createFromMarkdown({ title, markdown });
      } else note = await ctx.host.notes.create({ title });
      if (ctx.json) return ctx.out(JSON.stringify(note, null, 2));
      return ctx.out(
        `Created note ${note.id} "${note.title}"${file ? ` from ${path.basename(file)} (${note.plainText.split(/\s+/).filter(Boolean).length} words)` : ''}.`,
      );
    }
    if (!first) throw new ApiError('invalid_input', 'name a note id, or use `note create --title "…"`');
    if (options.markdown === true) {
      const { markdown } = await ctx.host.notes.markdown({ id: first });
      return ctx.out(ctx.json ? JSON.stringify({ id: first, markdown }) : markdown.trimEnd());
    }
    const note = await ctx.host.notes.get({ id: first });
    if (ctx.json) return ctx.out(JSON.stringify(note, null, 2));
    ctx.out(
      `${note.title}\n  id: ${note.id}\n  tags: ${note.tags.join(', ') || 'none'}\n  updated: ${note.updatedAt}${note.deletedAt ? '\n  in the trash' : ''}`,
    );
    ctx.out(`\n${note.plainText}`);
    if (note.citations.length) {
      ctx.out('\nCitations:');
      for (const c of note.citations) ctx.out(`  ${c.sourceId} ¶${c.passageOrdinal} [${c.status}] “${c.exact.replace(/\s+/g, ' ')}”`);
    }
  },
};
