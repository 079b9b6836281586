import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CiteResult, ReviewItem, SaveResult } from '../../../src/shared/notes';
import { freshNotebook, ROOT, tempDir } from '../helpers';

const WORDS = 'appointed by President Xi in 2016';

describe('sourcebook review', () => {
  it('lists a changed citation with its was/now diff after a new version is imported, and keeps it pinned on decision', () => {
    const dataDir = tempDir('sourcebook-review-');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/sourcebook.cjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
    const made = cli('cite', 'seed-000', '--quote', WORDS, '--new-note', 'Review from the terminal', '--json');
    expect(made.status, made.stderr).toBe(0);
    const { note, citation } = JSON.parse(made.stdout) as CiteResult;

    const seeded = freshNotebook();
    const text = seeded.repos.sources.currentVersion('seed-000')!.text;
    seeded.close();
    const file = path.join(tempDir('sourcebook-review-file-'), 'mss-2017.txt');
    writeFileSync(file, text.replace(WORDS, 'appointed by President Xi in 2017'));
    const imported = cli('import', file, '--new-version-of', 'seed-000');
    expect(imported.status, imported.stderr).toBe(0);

    const listed = cli('review');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`${note.id}/${citation.key}  changed`);
    expect(listed.stdout).toContain('diff: appointed by President Xi in [-2016-]{+2017+}');
    const json = JSON.parse(cli('review', '--json').stdout) as ReviewItem[];
    expect(json).toEqual([
      expect.objectContaining({ noteId: note.id, citation: expect.objectContaining({ key: citation.key, status: 'changed' }) }),
    ]);

    const usage = cli('review', `${note.id}/${citation.key}`);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('exactly one of --accept, --keep-pinned, --remove');

    const kept = cli('review', `${note.id}/${citation.key}`, '--keep-pinned', '--json');
    expect(kept.status, kept.stderr).toBe(0);
    expect((JSON.parse(kept.stdout) as SaveResult).citations[0]).toMatchObject({ status: 'pinned', exact: WORDS });
    expect(cli('review').stdout).toContain('Nothing to review');
  }, 300_000);
});
