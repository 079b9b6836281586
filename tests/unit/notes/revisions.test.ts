import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteHandlers } from '../../../src/main/services/notes';
import { createNotesService } from '../../../src/main/services/notes/service';
import type { RevisionDetail, RevisionSummary } from '../../../src/shared/notes';
import { freshNotebook } from '../helpers';
import { doc, paragraph, text } from './helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => (notebook = freshNotebook()));
afterEach(() => notebook.close());

describe('revisions while typing', () => {
  it('keep at most one a minute, each holding the text of its last pause, and never touch a close revision', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const handlers = noteHandlers(createNotesService({ store: notebook.store, now: () => new Date(clock), revisionIntervalMs: 60_000 }));
    const note = await handlers.create({ title: 'Draft' });
    const write = (words: string, snapshot: 'auto' | 'close' = 'auto') =>
      handlers.save({ id: note.id, document: doc(paragraph(text(words))), snapshot });
    const list = async () => (await handlers.revisions({ id: note.id })) as RevisionSummary[];
    const textOf = async (id: number) => ((await handlers.revision({ revisionId: id })) as RevisionDetail).plainText;

    // Three minutes of typing with a pause every ten seconds: 18 saves.
    for (let i = 1; i <= 18; i++) {
      clock += 10_000;
      await write(`words up to pause ${i}`);
    }
    const revisions = await list();
    expect(revisions.filter((r) => r.reason === 'autosave').length).toBeLessThanOrEqual(3);
    expect(await textOf(revisions[0]!.id)).toBe('words up to pause 18');
    for (let i = 1; i < revisions.length; i++)
      expect(Date.parse(revisions[i - 1]!.createdAt) - Date.parse(revisions[i]!.createdAt)).toBeGreaterThanOrEqual(60_000);

    clock += 1_000;
    await write('closed here', 'close');
    clock += 5_000;
    await write('typing after the close');
    const after = await list();
    expect(after[0]!.reason).toBe('close');
    expect(await textOf(after[0]!.id)).toBe('closed here');
  });
});
