import { ApiError } from '../../shared/errors';
import type { Runner } from './types';

export const citeCommand: Runner = {
  async run(ctx, positionals, options) {
    const [sourceId, ...rest] = positionals;
    if (!sourceId) throw new ApiError('invalid_input', 'name the source to cite: sourcebook cite <source-id> --quote "…" --note <id>');
    if (rest.length) throw new ApiError('invalid_input', `unexpected argument "${rest[0]}"; put the words in quotes: --quote "…"`);
    const quote = typeof options.quote === 'string' ? options.quote : undefined;
    if (!quote) throw new ApiError('invalid_input', 'cite needs --quote "the exact words"');
    const noteId = typeof options.note === 'string' ? options.note : undefined;
    const newNoteTitle = typeof options['new-note'] === 'string' ? options['new-note'] : undefined;
    if ((noteId === undefined) === (newNoteTitle === undefined))
      throw new ApiError('invalid_input', 'cite needs either --note <id> or --new-note "Title", not both');
    let occurrence: number | undefined;
    if (options.occurrence !== undefined) {
      occurrence = Number(options.occurrence);
      if (!Number.isInteger(occurrence) || occurrence < 1) throw new ApiError('invalid_input', '--occurrence needs a whole number from 1');
    }
    const result = await ctx.host.notes.cite({
      sourceId,
      quote,
      ...(occurrence !== undefined ? { occurrence } : {}),
      ...(noteId !== undefined ? { noteId } : { newNoteTitle: newNoteTitle! }),
    });
    if (ctx.json) return ctx.out(JSON.stringify(result, null, 2));
    const c = result.citation;
    ctx.out(
      `Cited “${c.exact}” — ${c.sourceTitle ?? c.sourceId}, ¶${c.passageOrdinal} — in note ${result.note.id} "${result.note.title}" (citation ${c.key}).`,
    );
  },
};
