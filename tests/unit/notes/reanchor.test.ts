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
    expect(note.citations.map((c) => c.status)).toEqual(['current', 'current', 'current']);

    const newVersion = addEditedVersion(notebook, 'seed-000', (t) =>
      t
        .replace('the government’s foreign intelligence', 'the governments foreign intelligence')
        .replace('In August 2020,', 'Update: new details emerged in 2021. In August 2020,')
        .replace(', appointed by President Xi in 2016', ''),
    );
    const summary = reanchorCitationsForSource(notebook.store, 'seed-000');
    expect(summary).toMatchObject({ checked: 3, moved: 1, changed: 1, lost: 1, noteIds: [note.id] });

    const [a, b, c] = await citationsOf(note.id);
    // One letter inside the quote: changed, never rewritten by itself; the proposal and the diff wait for a person.
    expect(a).toMatchObject({ status: 'changed', versionId: typo.versionId, exact: 'the government’s foreign intelligence' });
    expect(a!.history.at(-1)).toMatchObject({
      action: 'check',
      method: 'none',
      finding: 'edited',
      previous: { exact: 'the government’s foreign intelligence' },
      suggestion: { exact: 'the governments foreign intelligence' },
      diff: [
        { op: 'same', text: 'the ' },
        { op: 'removed', text: 'government’s' },
        { op: 'added', text: 'governments' },
        { op: 'same', text: ' foreign intelligence' },
      ],
    });
    expect(b).toMatchObject({ status: 'moved', versionId: newVersion, exact: shifted.exact });
    expect(b!.history.at(-1)).toMatchObject({ method: 'alignment', finding: 'shifted' });
    // The quoted words were deleted: lost, still quoting the old text exactly.
    expect(c).toMatchObject({
      status: 'lost',
      versionId: deleted.versionId,
      exact: 'appointed by President Xi in 2016',
      currentVersionId: newVersion,
    });
    for (const citation of [a!, b!, c!]) expectQuotesItsVersion(citation);

    const review = await notebook.host.notes.reviewList({});
    expect(review.map((r) => r.citation.key).sort()).toEqual([typo.key, deleted.key].sort());
    expect((await notebook.host.notes.get({ id: note.id })).reviewCount).toBe(2);

    // Passage counts follow the current text: citations in review are not counted there.
    const counts = await notebook.host.notes.passageCitations({ sourceId: 'seed-000' });
    expect(counts.reduce((n, p) => n + p.count, 0)).toBe(1);

    const markdown = (await notebook.host.notes.markdown({ id: note.id })).markdown;
    expect(markdown).toMatch(/\[\^3\]: “appointed by President Xi in 2016” — .*\[needs review\]/);

    // Running again changes nothing and adds no history.
    expect(reanchorCitationsForSource(notebook.store, 'seed-000')).toMatchObject({ checked: 0 });
    expect((await citationsOf(note.id))[2]!.history).toHaveLength(1);
  });

  it('keep a citation whose words and position are untouched "current"', async () => {
    const early = await cite(notebook, 'seed-000', 'few intelligence agencies');
    const note = await noteCiting(notebook, 'Early', early);
    addEditedVersion(notebook, 'seed-000', (t) => t + '\nA closing line added at the end.');
    reanchorCitationsForSource(notebook.store, 'seed-000');
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'current', start: early.start, exact: early.exact });
    expect(c!.history.at(-1)).toMatchObject({ method: 'alignment', finding: 'unchanged' });
  });

  it('offers the new words for review, and moves only when the writer accepts them', async () => {
    const quote = await cite(notebook, 'seed-000', 'appointed by President Xi in 2016');
    const note = await noteCiting(notebook, 'Chen', quote);
    addEditedVersion(notebook, 'seed-000', (t) => t.replace('appointed by President Xi in 2016', 'appointed by President Xi in 2017'));
    reanchorCitationsForSource(notebook.store, 'seed-000');
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'changed', versionId: quote.versionId, exact: quote.exact });
    expect(c!.history.at(-1)!.suggestion).toMatchObject({ exact: 'appointed by President Xi in 2017' });
    const result = await notebook.host.notes.acceptSuggestion({ id: note.id, key: quote.key });
    expect(result.citations[0]).toMatchObject({
      status: 'current',
      exact: 'appointed by President Xi in 2017',
      versionId: c!.currentVersionId,
    });
    expectQuotesItsVersion(result.citations[0]!);
    expect(result.citations[0]!.history.at(-1)).toMatchObject({ action: 'accept', method: 'accepted', status: 'current' });
    expect(result.citations[0]!.history).toHaveLength(2);
    expect(await notebook.host.notes.reviewList({})).toEqual([]);
  });

  it('keep a citation in its repeated block when one letter changes in the cited copy', async () => {
    // Seed 004 prints a block of about 2,300 characters twice; cite words in the second copy.
    const words = 'hesitate to take the initiative to disclose state secrets';
    const second = await cite(notebook, 'seed-004', words, 1);
    const note = await noteCiting(notebook, 'Repeated block', second);
    addEditedVersion(notebook, 'seed-004', (t) => {
      const at = t.lastIndexOf(words);
      return t.slice(0, at) + words.replace('initiative', 'initiatives') + t.slice(at + words.length);
    });
    reanchorCitationsForSource(notebook.store, 'seed-004');
    const [c] = await citationsOf(note.id);
    expect(c).toMatchObject({ status: 'changed', versionId: second.versionId, start: second.start });
    expect(c!.history.at(-1)!.suggestion!.exact).toContain('initiatives');
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
