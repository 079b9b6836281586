import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshNotebook } from '../helpers';
import { cite, noteCiting } from '../notes/helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

const changedSources = () =>
  (notebook.db.prepare(`SELECT ref FROM change_log WHERE kind = 'source' ORDER BY seq DESC LIMIT 1`).pluck().get() as string) ?? null;

describe('tags on sources', () => {
  it('adds, lists, removes and renames tags; the change log hears of each', async () => {
    const s = notebook.host.sources;
    const tagged = await s.tag({ sourceId: 'seed-001', tags: ['  cold   war ', 'Russia', 'russia'] });
    expect(tagged.tags).toEqual(['cold war', 'Russia']);
    // Spaces, line breaks included, collapse: a tag is one line.
    expect(changedSources()).toBe('seed-001');
    expect((await s.tag({ sourceId: 'seed-003', tags: ['two\n lines'] })).tags).toEqual(['two lines']);
    await s.tag({ sourceId: 'seed-002', tags: ['russia', 'Ministère/UE'] });

    const listed = await s.list({});
    expect(listed.find((x) => x.id === 'seed-001')!.tags).toEqual(['cold war', 'Russia']);
    expect(listed.find((x) => x.id === 'seed-000')!.tags).toEqual([]);
    expect(listed.find((x) => x.id === 'seed-002')!.tags).toEqual(['Ministère/UE', 'russia']);

    expect(await s.renameTag({ from: 'RUSSIA', to: 'Russian Federation' })).toEqual({ renamed: 2 });
    expect((await s.get({ id: 'seed-002' })).tags).toEqual(['Ministère/UE', 'Russian Federation']);

    // A source that has both keeps one; a change of case alone is kept.
    await s.tag({ sourceId: 'seed-001', tags: ['Soviet'] });
    expect(await s.renameTag({ from: 'soviet', to: 'cold war' })).toEqual({ renamed: 1 });
    expect((await s.get({ id: 'seed-001' })).tags).toEqual(['cold war', 'Russian Federation']);
    await s.renameTag({ from: 'cold war', to: 'Cold War' });
    expect((await s.get({ id: 'seed-001' })).tags).toEqual(['Cold War', 'Russian Federation']);

    const untagged = await s.untag({ sourceId: 'seed-001', tags: ['cold WAR'] });
    expect(untagged.tags).toEqual(['Russian Federation']);
  });

  it('refuses bad tags at the contract with a clear message, writing nothing', async () => {
    const s = notebook.host.sources;
    const refuse = async (tags: string[], message: RegExp) =>
      expect(s.tag({ sourceId: 'seed-001', tags })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(message),
      });
    await refuse(['   '], /a tag cannot be empty/);
    await refuse(['x'.repeat(41)], /is 41 characters long; a tag is 1 to 40 characters/);
    await refuse(['<b>bold</b>'], /the tag "<b>bold<\/b>" is not allowed: a tag is 1 to 40 characters: letters, digits/);
    await refuse(['a,b'], /not allowed/);
    await refuse(['bell\u0007'], /not allowed/);
    await refuse(['\u202Eevil'], /not allowed/);
    await refuse([], /at least one tag/);
    await refuse(
      Array.from({ length: 21 }, (_, i) => `t${i}`),
      /at most 20 tags/,
    );
    await expect(s.renameTag({ from: 'ok', to: '"quoted"' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await s.get({ id: 'seed-001' })).tags).toEqual([]);

    await expect(s.tag({ sourceId: 'no-such-source', tags: ['x'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.untag({ sourceId: 'seed-001', tags: ['never'] })).rejects.toMatchObject({
      code: 'not_found',
      message: 'Source seed-001 has no tag "never" (its tags: none).',
    });
    await expect(s.renameTag({ from: 'never', to: 'other' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('deleting a source', () => {
  const mentionsOf = async (entityId: string) => (await notebook.host.entities.list({})).find((e) => e.id === entityId)!.mentionCount;

  it('deletes an uncited source out of the library, its passages and mentions with it; Undo brings all back', async () => {
    const s = notebook.host.sources;
    await s.tag({ sourceId: 'seed-003', tags: ['keep'] });
    const before = await s.get({ id: 'seed-003' });
    const entity = before.passages.flatMap((p) => p.mentions)[0]!.entityId;
    const mentionsBefore = await mentionsOf(entity);
    const ownMentions = before.passages.flatMap((p) => p.mentions).filter((m) => m.entityId === entity).length;

    expect(await s.citedBy({ id: 'seed-003' })).toEqual([]);
    expect(await s.delete({ id: 'seed-003' })).toEqual({ id: 'seed-003', title: before.metadata.title, pinned: 0 });
    expect(changedSources()).toBe('seed-003');
    expect((await s.list({})).map((x) => x.id)).not.toContain('seed-003');
    expect((await s.list({ deleted: true })).map((x) => [x.id, !!x.deletedAt])).toEqual([['seed-003', true]]);
    // Its text is still shown, as it was kept (read-only, without entity marks: its mentions left the graph) ...
    const kept = await s.get({ id: 'seed-003' });
    expect(kept.passageCount).toBe(before.passageCount);
    expect(kept.passages.map((p) => [p.anchor, p.ordinal, p.kind, p.text, p.start, p.end, p.mentions])).toEqual(
      before.passages.map((p) => [p.anchor, p.ordinal, p.kind, p.text, p.start, p.end, []]),
    );
    // ... and cannot be cited, from the reader's selection or by words, until it is restored.
    const first = before.passages[0]!;
    const refused = { code: 'conflict', message: 'Source seed-003 was deleted from the library; restore it before citing it.' };
    await expect(
      notebook.host.notes.makeCitation({
        sourceId: 'seed-003',
        passageAnchor: first.anchor,
        start: 0,
        end: Math.min(12, first.text.length),
      }),
    ).rejects.toMatchObject(refused);
    await expect(
      notebook.host.notes.cite({ sourceId: 'seed-003', quote: first.text.slice(0, 12), newNoteTitle: 'x' }),
    ).rejects.toMatchObject(refused);
    expect(await mentionsOf(entity)).toBe(mentionsBefore - ownMentions);
    await expect(s.delete({ id: 'seed-003' })).rejects.toMatchObject({ code: 'conflict', message: 'Source seed-003 is already deleted.' });
    await expect(s.tag({ sourceId: 'seed-003', tags: ['x'] })).rejects.toMatchObject({ code: 'conflict' });

    const restored = await s.restore({ id: 'seed-003' });
    expect(restored).toMatchObject({
      deletedAt: null,
      tags: ['keep'],
      passageCount: before.passageCount,
      mentionCount: before.mentionCount,
    });
    const again = await s.get({ id: 'seed-003' });
    expect(again.passages.map((p) => [p.anchor, p.text, p.mentions.map((m) => [m.entityId, m.start, m.end])])).toEqual(
      before.passages.map((p) => [p.anchor, p.text, p.mentions.map((m) => [m.entityId, m.start, m.end])]),
    );
    expect(await mentionsOf(entity)).toBe(mentionsBefore);
    await expect(s.restore({ id: 'seed-003' })).rejects.toMatchObject({ code: 'conflict', message: 'Source seed-003 is not deleted.' });
  });

  it('refuses while notes cite it, naming them; keeping citations pins them with their quote and hash, and Undo unpins', async () => {
    const s = notebook.host.sources;
    const quote = await cite(notebook, 'seed-000', 'Ministry of State Security');
    const note = await noteCiting(notebook, 'MSS reading', quote);
    const other = await noteCiting(notebook, 'Second note', await cite(notebook, 'seed-000', 'Ministry of State Security'));
    await notebook.host.notes.delete({ id: other.id });

    expect(await s.citedBy({ id: 'seed-000' })).toEqual([
      { id: note.id, title: 'MSS reading', citations: 1, inTrash: false },
      { id: other.id, title: 'Second note', citations: 1, inTrash: true },
    ]);
    await expect(s.delete({ id: 'seed-000' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^“.+” is cited 2 times by 2 notes: “MSS reading”, “Second note” \(in the trash\)\. Remove those citations first, or delete it keeping each citation pinned/,
      ),
    });
    expect((await s.list({})).map((x) => x.id)).toContain('seed-000');

    const deleted = await s.delete({ id: 'seed-000', keepCitations: true });
    expect(deleted.pinned).toBe(2);
    const after = await notebook.host.notes.get({ id: note.id });
    const [c] = after.citations;
    expect(c).toMatchObject({ status: 'pinned', exact: quote.exact, textSha256: note.citations[0]!.textSha256, sourceDeleted: true });
    expect(c!.history.at(-1)).toMatchObject({ action: 'keep-pinned', status: 'pinned', reason: 'the source was deleted from the library' });
    // The pinned text still proves the quote.
    const version = notebook.repos.sources.version(c!.versionId)!;
    expect(version.text.slice(c!.start, c!.end)).toBe(quote.exact);

    await s.restore({ id: 'seed-000' });
    const undone = await notebook.host.notes.get({ id: note.id });
    expect(undone.citations[0]).toMatchObject({ status: 'current', history: [] });
    expect(undone.citations[0]!.sourceDeleted).toBeUndefined();
  });

  it('checks its input at the contract', async () => {
    const s = notebook.host.sources;
    await expect(s.delete({ id: 'NOT AN ID' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(s.delete({ id: 'seed-999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.citedBy({ id: 'seed-999' })).rejects.toMatchObject({ code: 'not_found' });
    // @ts-expect-error: an unknown field is refused
    await expect(s.delete({ id: 'seed-001', force: true })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('exporting notes that cite a deleted source', () => {
  it('still verifies and exports the quote, and the evidence pack says the source was deleted', async () => {
    const { unzipSync } = await import('fflate');
    const quote = await cite(notebook, 'seed-000', 'Ministry of State Security');
    const note = await noteCiting(notebook, 'MSS reading', quote);
    await notebook.host.sources.delete({ id: 'seed-000', keepCitations: true });

    const check = await notebook.host.export.check({ noteIds: [note.id] });
    expect(check).toMatchObject({ citations: 1, verified: 1, problems: [] });
    const md = Buffer.from((await notebook.host.export.run({ noteIds: [note.id], format: 'md' })).base64, 'base64').toString();
    expect(md).toContain('Ministry of State Security');
    const zip = unzipSync(Buffer.from((await notebook.host.export.run({ noteIds: [note.id], format: 'zip' })).base64, 'base64'));
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString()) as {
      sources: { id: string; deletedFromLibrary?: string }[];
    };
    expect(manifest.sources).toEqual([expect.objectContaining({ id: 'seed-000', deletedFromLibrary: expect.any(String) })]);
  });
});
