import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CiteResult, NoteDetail } from '../../../src/shared/notes';
import { freshNotebook, ROOT, tempDir } from '../helpers';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  notebook = freshNotebook();
});
afterEach(() => notebook.close());

describe('citing exact words (notes.cite)', () => {
  it('finds the words blind to typography, quotes them as the source prints them, and records the text hash', async () => {
    const { note, citation } = await notebook.host.notes.cite({
      sourceId: 'seed-000',
      quote: "China's Ministry of State Security",
      newNoteTitle: 'MSS',
    });
    expect(note.title).toBe('MSS');
    expect(citation).toMatchObject({ exact: 'China’s Ministry of State Security', status: 'current', history: [] });
    const version = notebook.repos.sources.version(citation.versionId)!;
    expect(version.text.slice(citation.start, citation.end)).toBe(citation.exact);
    expect(citation.textSha256).toMatch(/^[0-9a-f]{64}$/);

    const again = await notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'appointed by President Xi in 2016', noteId: note.id });
    expect(again.note.citations.map((c) => c.exact)).toEqual(['China’s Ministry of State Security', 'appointed by President Xi in 2016']);
  });

  it('says clearly when the words are not there, or occur more than once without --occurrence', async () => {
    await expect(notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'words never written', newNoteTitle: 'X' })).rejects.toMatchObject(
      {
        code: 'not_found',
        message: 'The words "words never written" are not in source seed-000.',
      },
    );
    await expect(notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'the MSS', newNoteTitle: 'X' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /^The words "the MSS" occur \d+ times in source seed-000 \(1: ¶\d+, 2: ¶\d+.*\); choose one with --occurrence N\.$/,
      ),
    });
    const second = await notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'the MSS', occurrence: 2, newNoteTitle: 'X' });
    const text = notebook.repos.sources.version(second.citation.versionId)!.text;
    expect(second.citation.start).toBe(text.indexOf('the MSS', text.indexOf('the MSS') + 1));
    await expect(
      notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'the MSS', occurrence: 999, newNoteTitle: 'X' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(notebook.host.notes.cite({ sourceId: 'seed-000', quote: 'the MSS', newNoteTitle: 'X', noteId: 'n-abcd' })).rejects.toThrow(
      /either noteId or newNoteTitle/,
    );
  });
});

describe('sourcebook cite and note --json', () => {
  it('adds a citation from the terminal and shows its state and history', () => {
    const dataDir = tempDir('sourcebook-cite-');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/sourcebook.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
    const made = cli('cite', 'seed-000', '--quote', 'appointed by President Xi in 2016', '--new-note', 'From the terminal', '--json');
    expect(made.status, made.stderr).toBe(0);
    const { note, citation } = JSON.parse(made.stdout) as CiteResult;
    expect(citation).toMatchObject({ exact: 'appointed by President Xi in 2016', status: 'current' });

    const shown = cli('note', note.id, '--json');
    expect(shown.status, shown.stderr).toBe(0);
    expect((JSON.parse(shown.stdout) as NoteDetail).citations).toEqual([
      expect.objectContaining({ key: citation.key, status: 'current', history: [], textSha256: citation.textSha256 }),
    ]);

    const missing = cli('cite', 'seed-000', '--quote', 'words never written', '--note', note.id);
    expect(missing.status).toBe(3); // not found (src/cli/exit.ts)
    expect(missing.stderr).toContain('The words "words never written" are not in source seed-000.');
    const several = cli('cite', 'seed-000', '--quote', 'the MSS', '--note', note.id);
    expect(several.status).toBe(2);
    expect(several.stderr).toMatch(/occur \d+ times .* choose one with --occurrence N/);
    // Four CLI processes, each opening and seeding a notebook: generous for a loaded machine.
  }, 300_000);
});
