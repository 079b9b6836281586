import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshNotebook } from '../helpers';
import { citationNode, cite, doc, noteCiting, paragraph, text } from '../notes/helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

const count = (sql: string, ...params: unknown[]) =>
  Number(
    notebook.db
      .prepare(sql)
      .pluck()
      .get(...params),
  );
const rowsOf = (sourceId: string) => ({
  versions: count(`SELECT count(*) FROM source_version WHERE source_id = ?`, sourceId),
  passages: count(`SELECT count(*) FROM passage p JOIN source_version v ON v.id = p.version_id WHERE v.source_id = ?`, sourceId),
  tags: count(`SELECT count(*) FROM source_tag WHERE source_id = ?`, sourceId),
  trash: count(`SELECT count(*) FROM source_trash WHERE source_id = ?`, sourceId),
  suggestions: count(`SELECT count(*) FROM entity_suggestion WHERE source_id = ?`, sourceId),
  decisions: count(`SELECT count(*) FROM entity_decision WHERE source_id = ?`, sourceId),
});

describe('deleting a deleted source for good', () => {
  it('removes its text and everything made from it, leaves the rest as it was, and search no longer knows it', async () => {
    const s = notebook.host.sources;
    await s.tag({ sourceId: 'seed-003', tags: ['gone'] });
    const mention = (await s.get({ id: 'seed-003' })).passages.flatMap((p) => p.mentions)[0]!;
    await notebook.host.entities.unlinkMention({ mentionId: mention.id });
    expect(rowsOf('seed-003').decisions).toBeGreaterThan(0);
    const othersBefore = rowsOf('seed-001');
    const title = (await s.get({ id: 'seed-003' })).metadata.title;

    await s.delete({ id: 'seed-003' });
    expect(await s.purge({ id: 'seed-003' })).toEqual({ id: 'seed-003', title, revisionsQuoting: 0 });
    expect(rowsOf('seed-003')).toEqual({ versions: 0, passages: 0, tags: 0, trash: 0, suggestions: 0, decisions: 0 });
    expect(count(`SELECT count(*) FROM source WHERE id = 'seed-003'`)).toBe(0);
    expect(rowsOf('seed-001')).toEqual(othersBefore);
    expect(notebook.db.pragma('foreign_key_check')).toEqual([]);
    await expect(s.get({ id: 'seed-003' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await s.list({ deleted: true })).map((x) => x.id)).toEqual([]);
    await expect(s.restore({ id: 'seed-003' })).rejects.toMatchObject({ code: 'not_found' });
    const found = await notebook.host.search.query({ q: title!, limit: 20 });
    expect(found.groups.flatMap((g) => g.hits.map((h) => h.sourceId ?? h.id))).not.toContain('seed-003');
  });

  it('is refused for a source still in the library, and while any note cites it, naming the notes', async () => {
    const s = notebook.host.sources;
    await expect(s.purge({ id: 'seed-002' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/delete it first/),
    });
    const note = await noteCiting(notebook, 'MSS reading', await cite(notebook, 'seed-000', 'Ministry of State Security'));
    await s.delete({ id: 'seed-000', keepCitations: true });
    await notebook.host.notes.delete({ id: note.id });
    await expect(s.purge({ id: 'seed-000' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^“.+” cannot be deleted for good: 1 citation in “MSS reading” \(in the trash\) proves its quote/),
    });
    // Nothing was written: the pinned citation still proves its quote.
    await notebook.host.notes.restore({ id: note.id });
    expect(await notebook.host.export.check({ noteIds: [note.id] })).toMatchObject({ citations: 1, verified: 1 });
    await expect(s.purge({ id: 'seed-999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.purge({ id: 'NOT AN ID' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('once its citations are gone, earlier revisions quoting it stay readable; restoring one is refused, naming the source', async () => {
    const s = notebook.host.sources;
    const quote = await cite(notebook, 'seed-000', 'Ministry of State Security');
    const note = await noteCiting(notebook, 'MSS reading', quote);
    await notebook.host.notes.save({ id: note.id, document: doc(paragraph(text('Claim '), citationNode(quote))), snapshot: 'close' });
    const quoting = (await notebook.host.notes.revisions({ id: note.id })).at(0)!;
    await notebook.host.notes.save({ id: note.id, document: doc(paragraph(text('No quote any more.'))), snapshot: 'close' });
    const title = (await s.get({ id: 'seed-000' })).metadata.title;
    await s.delete({ id: 'seed-000' });
    expect(await s.purge({ id: 'seed-000' })).toEqual({ id: 'seed-000', title, revisionsQuoting: 1 });

    await expect(notebook.host.notes.restoreRevision({ id: note.id, revisionId: quoting.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/quotes “.+”, deleted for good on \d{4}-\d{2}-\d{2}: it cannot come back/),
    });
    expect((await notebook.host.notes.get({ id: note.id })).plainText).toContain('No quote any more.');
  });
});
