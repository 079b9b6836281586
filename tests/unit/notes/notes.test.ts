import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotesService, noteHandlers } from '../../../src/main/services/notes';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import type { NoteDetail, RevisionDetail, RevisionSummary } from '../../../src/shared/notes';
import { freshNotebook } from '../helpers';
import { cite, citationNode, doc, mentionNode, noteLinkNode, paragraph, text } from './helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

const create = (title: string) => notebook.host.notes.create({ title });
const save = (id: string, document: unknown, extra: Record<string, unknown> = {}) => notebook.host.notes.save({ id, document, ...extra });
const get = (id: string) => notebook.host.notes.get({ id });

describe('notes', () => {
  it('are created, listed, renamed, tagged, trashed, restored and emptied from the trash', async () => {
    const a = await create('Chen Wenqing');
    const b = await create('Huawei');
    expect((await notebook.host.notes.list({})).map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
    expect((await notebook.host.notes.rename({ id: a.id, title: 'Chen Wenqing, MSS director' })).title).toBe('Chen Wenqing, MSS director');
    expect((await notebook.host.notes.tag({ id: a.id, tags: ['people', 'mss', 'people'] })).tags).toEqual(['mss', 'people']);
    expect((await notebook.host.notes.list({ tag: 'mss' })).map((n) => n.id)).toEqual([a.id]);

    await notebook.host.notes.delete({ id: a.id });
    expect((await notebook.host.notes.list({})).map((n) => n.id)).toEqual([b.id]);
    expect((await notebook.host.notes.list({ trash: true })).map((n) => n.id)).toEqual([a.id]);
    await expect(save(a.id, doc(paragraph(text('x'))))).rejects.toMatchObject({ code: 'conflict', message: /in the trash/ });
    await notebook.host.notes.restore({ id: a.id });
    expect(await notebook.host.notes.list({ trash: true })).toEqual([]);

    await notebook.host.notes.delete({ id: b.id });
    expect(await notebook.host.notes.emptyTrash({})).toEqual({ deleted: 1 });
    await expect(get(b.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await get(a.id)).title).toBe('Chen Wenqing, MSS director');
  });

  it('save derives plain text, citations, entity mentions and note links, and backlinks follow them', async () => {
    const target = await create('Huawei blacklisting');
    const note = await create('MSS leadership');
    const citation = await cite(notebook, 'seed-000', 'appointed by President Xi in 2016');
    const result = await save(
      note.id,
      doc(
        paragraph(
          text('The director, '),
          mentionNode('chen-wenqing', 'Chen Wenqing'),
          text(', was appointed in 2016 '),
          citationNode(citation),
        ),
        paragraph(text('See '), noteLinkNode(target.id, 'Huawei blacklisting'), text(' for the '), text('technology', 1), text(' side.')),
      ),
    );
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]).toMatchObject({
      key: citation.key,
      status: 'ok',
      exact: 'appointed by President Xi in 2016',
      sourceId: 'seed-000',
    });
    const passageText = notebook.repos.passages.byVersion(citation.versionId).find((p) => p.anchor === citation.passageAnchor)!.text;
    const range = result.citations[0]!.passageRange!;
    expect(passageText.slice(range.start, range.end)).toBe('appointed by President Xi in 2016');

    const saved = await get(note.id);
    expect(saved.plainText).toBe('The director, Chen Wenqing, was appointed in 2016\nSee Huawei blacklisting for the technology side.');
    expect(saved.citationCount).toBe(1);

    const passage = await notebook.host.notes.backlinks({
      target: { kind: 'passage', sourceId: 'seed-000', anchor: citation.passageAnchor },
    });
    expect(passage.map((n) => n.id)).toEqual([note.id]);
    const counts = await notebook.host.notes.passageCitations({ sourceId: 'seed-000' });
    expect(counts).toEqual([
      {
        anchor: citation.passageAnchor,
        count: 1,
        notes: [expect.objectContaining({ id: note.id })],
        // The reader marks exactly the cited words, and says which note cites them.
        cited: [{ ...range, notes: [expect.objectContaining({ id: note.id })] }],
      },
    ]);
    const entity = await notebook.host.notes.backlinks({ target: { kind: 'entity', entityId: 'chen-wenqing' } });
    expect(entity.map((n) => n.id)).toEqual([note.id]);
    expect((await get(target.id)).backlinks.map((n) => n.id)).toEqual([note.id]);

    // Removing the chip, mention and link from the document removes what was derived from them.
    await save(note.id, doc(paragraph(text('Nothing cited any more.'))));
    expect((await get(note.id)).citations).toEqual([]);
    expect(await notebook.host.notes.passageCitations({ sourceId: 'seed-000' })).toEqual([]);
    expect(await notebook.host.notes.backlinks({ target: { kind: 'entity', entityId: 'chen-wenqing' } })).toEqual([]);
    expect((await get(target.id)).backlinks).toEqual([]);
  });

  it('trashed notes leave every backlink list until restored', async () => {
    const citation = await cite(notebook, 'seed-000', 'Chen Wenqing');
    const note = await create('Trash me');
    await save(note.id, doc(paragraph(mentionNode('chen-wenqing', 'Chen'), citationNode(citation))));
    await notebook.host.notes.delete({ id: note.id });
    expect(await notebook.host.notes.backlinks({ target: { kind: 'entity', entityId: 'chen-wenqing' } })).toEqual([]);
    expect(await notebook.host.notes.passageCitations({ sourceId: 'seed-000' })).toEqual([]);
    await notebook.host.notes.restore({ id: note.id });
    expect(await notebook.host.notes.backlinks({ target: { kind: 'entity', entityId: 'chen-wenqing' } })).toHaveLength(1);
  });

  it('refuses a citation that does not quote its source, and writes nothing of that save', async () => {
    const note = await create('Forgery');
    await save(note.id, doc(paragraph(text('first version'))));
    const real = await cite(notebook, 'seed-000', 'Chen Wenqing');
    const forged = { ...real, exact: 'Xi Jinping' };
    await expect(save(note.id, doc(paragraph(text('second version'), citationNode(forged))))).rejects.toMatchObject({
      code: 'invalid_input',
      message: /does not quote the source text/,
    });
    const after = await get(note.id);
    expect(after.plainText).toBe('first version');
    expect(after.citations).toEqual([]);
  });

  it('maps a reader selection to exact, 32 characters of context and offsets into the version text', async () => {
    const c = await cite(notebook, 'seed-000', 'Ministry of State Security');
    const version = notebook.repos.sources.version(c.versionId)!;
    expect(version.text.slice(c.start, c.end)).toBe(c.exact);
    expect(c.exact).toBe('Ministry of State Security');
    expect(c.prefix).toBe(version.text.slice(c.start - c.prefix.length, c.start));
    expect(c.suffix).toBe(version.text.slice(c.end, c.end + 32));
    expect(c.versionSha256).toBe(version.sha256);
    expect(c.passageOrdinal).toBeGreaterThan(0);
    await expect(
      notebook.host.notes.makeCitation({ sourceId: 'seed-000', passageAnchor: c.passageAnchor, start: 5, end: 5000 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('tells derived data about a save only after it committed', async () => {
    const note = await create('Announce');
    const seen: string[] = [];
    notebook.on('changed', ({ changes }) => {
      for (const change of changes) if (change.kind === 'note') seen.push(notebook.repos.notes.get(change.noteId)!.plainText);
    });
    await save(note.id, doc(paragraph(text('committed words'))));
    expect(seen).toEqual(['committed words']);
  });

  it('refuses a save made on top of a version another window replaced', async () => {
    const note = await create('Two windows');
    const first = await save(note.id, doc(paragraph(text('window one'))), { baseSaveCount: note.saveCount });
    await expect(save(note.id, doc(paragraph(text('window two'))), { baseSaveCount: note.saveCount })).rejects.toMatchObject({
      code: 'conflict',
    });
    await save(note.id, doc(paragraph(text('window one again'))), { baseSaveCount: first.saveCount });
    expect((await get(note.id)).plainText).toBe('window one again');
  });

  it('keeps at most one autosave revision per interval, one on close, and restores any of them', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const handlers = noteHandlers(
      createNotesService({
        store: notebook.store,
        now: () => new Date(clock),
        revisionIntervalMs: 180_000,
      }),
    );
    const note = await handlers.create({ title: 'History' });
    const write = (words: string, snapshot?: 'auto' | 'close') =>
      handlers.save({ id: note.id, document: doc(paragraph(text(words))), snapshot });
    await write('draft one');
    clock += 60_000;
    await write('draft two');
    clock += 200_000;
    await write('draft three');
    clock += 1_000;
    await write('draft four', 'close');
    const revisions = (await handlers.revisions({ id: note.id })) as RevisionSummary[];
    expect(revisions.map((r) => r.reason)).toEqual(['close', 'autosave', 'create']);

    const three = revisions.find((r) => r.reason === 'autosave')!;
    expect(((await handlers.revision({ revisionId: three.id })) as RevisionDetail).plainText).toBe('draft three');
    const restored = (await handlers.restoreRevision({ id: note.id, revisionId: three.id })) as NoteDetail;
    expect(restored.plainText).toBe('draft three');
    const after = (await handlers.revisions({ id: note.id })) as RevisionSummary[];
    expect(after[0]!.reason).toBe('restore');
    // "draft four" was already the close revision, so nothing else had to be kept before restoring.
    expect(after.map((r) => r.reason)).toEqual(['restore', 'close', 'autosave', 'create']);
  });

  it('fails a save on a full disk with a clear error, keeps the last saved text, and succeeds on retry', async () => {
    const note = await create('Big');
    await save(note.id, doc(paragraph(text('small and safe'))));
    const pages = notebook.db.pragma('page_count', { simple: true }) as number;
    notebook.db.pragma(`max_page_count = ${pages}`);
    const big = doc(...Array.from({ length: 400 }, (_, i) => paragraph(text(`Paragraph ${i} `.repeat(40)))));
    await expect(save(note.id, big)).rejects.toMatchObject({ message: /disk is full/ });
    expect((await get(note.id)).plainText).toBe('small and safe');
    notebook.db.pragma(`max_page_count = ${pages * 100}`);
    await save(note.id, big);
    expect((await get(note.id)).plainText.startsWith('Paragraph 0')).toBe(true);
  });

  it('says clearly when another process holds the notebook', async () => {
    notebook.close();
    notebook = freshNotebook({ busyRetryMs: 100 });
    const note = await create('Busy');
    const other = new Database(path.join(notebook.dataDir, DATABASE_FILE));
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      await expect(save(note.id, doc(paragraph(text('blocked'))))).rejects.toMatchObject({
        code: 'busy',
        message: /another Sourcebook process/,
      });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    await save(note.id, doc(paragraph(text('unblocked'))));
    expect((await get(note.id)).plainText).toBe('unblocked');
  });

  it('validates the document it is given', async () => {
    const note = await create('Validation');
    await expect(save(note.id, { root: { type: 'paragraph', children: [] } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(save(note.id, doc(paragraph({ type: 'sb-citation', version: 1, citation: { key: 'x' } })))).rejects.toMatchObject({
      code: 'invalid_input',
      message: /broken citation/,
    });
  });
});
