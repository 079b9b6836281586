import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reanchorCitationsForSource } from '../../../src/main/services/notes';
import type { CitationView } from '../../../src/shared/notes';
import { freshNotebook } from '../helpers';
import { addEditedVersion, cite, noteCiting } from './helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

const citationsOf = async (noteId: string) => (await notebook.host.notes.get({ id: noteId })).citations;

/** The store invariant: a citation's words are exactly its version's text at its offsets. */
function expectQuotesItsVersion(c: CitationView) {
  const version = notebook.repos.sources.version(c.versionId)!;
  expect(version.text.slice(c.start, c.end)).toBe(c.exact);
  expect(version.sha256).toBe(c.versionSha256);
}

describe('citations when a source gets a new version', () => {
  it('stay put, move, or ask for review, and record each decision', async () => {
    const typo = await cite(notebook, 'seed-000', 'the government’s foreign intelligence');
    const shifted = await cite(notebook, 'seed-000', 'charged Alexander Ma, a former CIA officer');
    const deleted = await cite(notebook, 'seed-000', 'appointed by President Xi in 2016');
    const note = await noteCiting(notebook, 'MSS', typo, shifted, deleted);
    expect(note.citations.map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);

    const newVersion = addEditedVersion(notebook, 'seed-000', (t) =>
      t
        .replace('the government’s foreign intelligence', 'the governments foreign intelligence')
        .replace('In August 2020,', 'Update: new details emerged in 2021. In August 2020,')
        .replace(', appointed by President Xi in 2016', ''),
    );
    const summary = reanchorCitationsForSource(notebook.store, 'seed-000');
    expect(summary).toMatchObject({ checked: 3, moved: 2, review: 1, noteIds: [note.id] });

    const [a, b, c] = await citationsOf(note.id);
    expect(a).toMatchObject({ status: 'moved', versionId: newVersion, exact: 'the governments foreign intelligence' });
    expect(a!.history.at(-1)).toMatchObject({ method: 'fuzzy', previous: { exact: 'the government’s foreign intelligence' } });
    expect(b).toMatchObject({ status: 'moved', versionId: newVersion, exact: shifted.exact });
    expect(b!.history.at(-1)).toMatchObject({ method: 'quote' });
    // Unsure: it keeps quoting the old text exactly, and says so.
    expect(c).toMatchObject({
      status: 'review',
      versionId: deleted.versionId,
      exact: 'appointed by President Xi in 2016',
      currentVersionId: newVersion,
    });
    for (const citation of [a!, b!, c!]) expectQuotesItsVersion(citation);

    const review = await notebook.host.notes.reviewList({});
    expect(review.map((r) => [r.noteId, r.citation.key])).toEqual([[note.id, deleted.key]]);
    expect((await notebook.host.notes.get({ id: note.id })).reviewCount).toBe(1);

    // Passage counts follow the current text: the citation in review is not counted there.
    const counts = await notebook.host.notes.passageCitations({ sourceId: 'seed-000' });
    expect(counts.reduce((n, p) => n + p.count, 0)).toBe(2);

    const markdown = (await notebook.host.notes.markdown({ id: note.id })).markdown;
    expect(markdown).toMatch(/\[\^3\]: “appointed by President Xi in 2016” — .*\[needs review\]/);

    // Running again changes nothing and adds no history.
    expect(reanchorCitationsForSource(notebook.store, 'seed-000')).toMatchObject({ checked: 0 });
    expect((await citationsOf(note.id))[2]!.history).toHaveLength(1);
  });

  it('keep a citation whose words and position are untouched "ok"', async () => {
    const early = await cite(notebook, 'seed-000', 'few intelligence agencies');
    const note = await noteCiting(notebook, 'Early', early);
    addEditedVersion(notebook, 'seed-000', (t) => t + '\nA closing line added at the end.');
    reanchorCitationsForSource(notebook.store, 'seed-000');
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'ok', start: early.start, exact: early.exact });
    expect(c!.history.at(-1)).toMatchObject({ method: 'position' });
  });

  it('offers the best guess for review, and moves only when the writer accepts it', async () => {
    const quote = await cite(notebook, 'seed-000', 'Chen Wenqing');
    const note = await noteCiting(notebook, 'Chen', quote);
    // A short quote whose whole sentence was rewritten around it: same words, other context.
    addEditedVersion(notebook, 'seed-000', (t) =>
      t.replace(/The director of the MSS is\s+Chen Wenqing, appointed/, 'Its head, Chen Wenqing, was appointed'),
    );
    reanchorCitationsForSource(notebook.store, 'seed-000');
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'review', versionId: quote.versionId });
    expect(c!.history.at(-1)!.suggestion).toMatchObject({ exact: 'Chen Wenqing' });
    const result = await notebook.host.notes.acceptSuggestion({ id: note.id, key: quote.key });
    expect(result.citations[0]).toMatchObject({ status: 'moved', exact: 'Chen Wenqing', versionId: c!.currentVersionId });
    expectQuotesItsVersion(result.citations[0]!);
    expect(result.citations[0]!.history.at(-1)).toMatchObject({ method: 'accepted' });
    expect(await notebook.host.notes.reviewList({})).toEqual([]);
  });

  it('re-anchors a citation brought back by restoring a revision made against an older text', async () => {
    const quote = await cite(notebook, 'seed-000', 'charged Alexander Ma, a former CIA officer');
    const note = await noteCiting(notebook, 'Old revision', quote);
    const current = await notebook.host.notes.get({ id: note.id });
    await notebook.host.notes.save({ id: note.id, document: current.document, snapshot: 'close' });
    const [revision] = await notebook.host.notes.revisions({ id: note.id });
    await notebook.host.notes.save({ id: note.id, document: { root: { type: 'root', children: [] } } });
    expect(await citationsOf(note.id)).toEqual([]);
    const newVersion = addEditedVersion(notebook, 'seed-000', (t) => 'Preface added.\n' + t);
    reanchorCitationsForSource(notebook.store, 'seed-000');
    await notebook.host.notes.restoreRevision({ id: note.id, revisionId: revision!.id });
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'moved', versionId: newVersion, exact: quote.exact, start: quote.start + 'Preface added.\n'.length });
  });
});
