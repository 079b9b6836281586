import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reanchorCitationsForSource } from '../../../src/main/services/notes';
import { NOTE_NODE, type SerializedNoteNode } from '../../../src/shared/notes';
import { freshNotebook } from '../helpers';
import { addEditedVersion, cite, noteCiting } from './helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

const WORDS = 'appointed by President Xi in 2016';

/** One citation of WORDS in a note, then a new version that changes its year: the citation waits for review. */
async function changedCitation() {
  const quote = await cite(notebook, 'seed-000', WORDS);
  const note = await noteCiting(notebook, 'Chen', quote);
  const newVersion = addEditedVersion(notebook, 'seed-000', (t) => t.replace(WORDS, 'appointed by President Xi in 2017'));
  reanchorCitationsForSource(notebook.store, 'seed-000');
  const [c] = (await notebook.host.notes.get({ id: note.id })).citations;
  expect(c).toMatchObject({ status: 'changed', exact: WORDS });
  return { note, quote, newVersion };
}

const chips = (nodes: readonly SerializedNoteNode[]): SerializedNoteNode[] =>
  nodes.flatMap((n) => [...(n.type === NOTE_NODE.citation ? [n] : []), ...chips(n.children ?? [])]);

describe('review decisions (notes.decide)', () => {
  it('accept: the citation quotes the new words in the current version, recorded in its history', async () => {
    const { note, quote, newVersion } = await changedCitation();
    // Review shows the proposal in its passage of the new text.
    const [item] = await notebook.host.notes.reviewList({});
    const now = 'appointed by President Xi in 2017';
    expect(item!.proposalContext!.prefix.length).toBeGreaterThan(0);
    const newText = notebook.repos.sources.version(newVersion)!.text;
    expect(newText).toContain(item!.proposalContext!.prefix + now + item!.proposalContext!.suffix);
    const result = await notebook.host.notes.decide({ id: note.id, key: quote.key, decision: 'accept' });
    expect(result.citations[0]).toMatchObject({ status: 'current', exact: 'appointed by President Xi in 2017', versionId: newVersion });
    expect(result.citations[0]!.history.map((e) => e.action)).toEqual(['check', 'accept']);
    expect(await notebook.host.notes.reviewList({})).toEqual([]);
  });

  it('keep-pinned: the words stay as quoted in the old version, pinned, out of review, and not checked again against that version', async () => {
    const { note, quote, newVersion } = await changedCitation();
    const result = await notebook.host.notes.decide({ id: note.id, key: quote.key, decision: 'keep-pinned' });
    const [c] = result.citations;
    expect(c).toMatchObject({ status: 'pinned', exact: WORDS, versionId: quote.versionId, currentVersionId: newVersion });
    expect(c!.history.at(-1)).toMatchObject({ action: 'keep-pinned', status: 'pinned', toVersionId: newVersion });
    expect(notebook.repos.sources.version(c!.versionId)!.text.slice(c!.start, c!.end)).toBe(WORDS);
    expect(await notebook.host.notes.reviewList({})).toEqual([]);
    expect(reanchorCitationsForSource(notebook.store, 'seed-000')).toMatchObject({ checked: 0 });
    // A decided citation cannot be decided again as if it were waiting.
    await expect(notebook.host.notes.decide({ id: note.id, key: quote.key, decision: 'keep-pinned' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('remove: the chip leaves the note, and the note as it was is kept in a revision', async () => {
    const { note, quote } = await changedCitation();
    await notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'few intelligence agencies', noteId: note.id });
    const result = await notebook.host.notes.decide({ id: note.id, key: quote.key, decision: 'remove' });
    expect(result.citations.map((c) => c.key)).not.toContain(quote.key);
    expect(result.citations).toHaveLength(1);
    const detail = await notebook.host.notes.get({ id: note.id });
    expect(chips(detail.document.root.children ?? []).map((n) => (n.citation as { key: string }).key)).not.toContain(quote.key);
    const revisions = await notebook.host.notes.revisions({ id: note.id });
    const before = revisions.find((r) => r.reason === 'before-restore')!;
    const kept = await notebook.host.notes.revision({ revisionId: before.id });
    expect(chips(kept.document.root.children ?? []).map((n) => (n.citation as { key: string }).key)).toContain(quote.key);
    expect(await notebook.host.notes.reviewList({})).toEqual([]);
  });

  it('refuses an unknown citation and an accept without a proposal', async () => {
    const { note } = await changedCitation();
    await expect(notebook.host.notes.decide({ id: note.id, key: 'nope', decision: 'accept' })).rejects.toMatchObject({ code: 'not_found' });
    const fresh = await cite(notebook, 'seed-000', 'few intelligence agencies');
    const current = await noteCiting(notebook, 'Fresh', fresh);
    await expect(notebook.host.notes.decide({ id: current.id, key: fresh.key, decision: 'accept' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('the reader "as cited" (sources.get with a version)', () => {
  it('gives an earlier version with the passages the current text no longer has, and refuses a version of another source', async () => {
    const { quote, newVersion } = await changedCitation();
    const asCited = await notebook.host.sources.get({ id: 'seed-000', versionId: quote.versionId });
    expect(asCited.versionId).toBe(quote.versionId);
    expect(asCited.earlierVersion).toMatchObject({ versionId: quote.versionId, currentVersionId: newVersion });
    const changed = asCited.passages.filter((p) => asCited.earlierVersion!.changedOrdinals.includes(p.ordinal));
    expect(changed.map((p) => p.text.includes(WORDS))).toEqual([true]);
    const current = await notebook.host.sources.get({ id: 'seed-000' });
    expect(current.earlierVersion).toBeUndefined();
    const other = notebook.repos.sources.currentVersion('seed-001')!.id;
    await expect(notebook.host.sources.get({ id: 'seed-000', versionId: other })).rejects.toMatchObject({ code: 'not_found' });
  });
});
