import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchToCsv, parseTerms } from '../../../src/shared/batchCsv';
import type { SavedSearchMatch } from '../../../src/shared/search';
import { ROOT, tempDir } from '../helpers';
import { searchCommand } from '../../../src/cli/commands/search';
import { freshNotebook } from './helpers';

// Worker threads and CLI processes start slowly on a loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

const CLI = path.join(ROOT, 'bin/sourcebook.cjs');
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
afterEach(() => {
  for (const x of open.splice(0).reverse()) x.close();
});
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('saved searches', () => {
  it('run again on every import: the summary and the event say how many new passages match', async () => {
    const notebook = track(freshNotebook());
    const saved = await notebook.host.search.save({ query: 'Capvision' });
    expect(await notebook.host.search.save({ query: 'Capvision' })).toEqual(saved);
    await notebook.host.search.save({ query: 'nothing-matches-this' });
    const events: SavedSearchMatch[][] = [];
    notebook.on('savedSearchMatches', ({ matches }) => events.push(matches));
    const dir = tempDir();
    const file = path.join(dir, 'capvision-followup.md');
    fs.writeFileSync(file, '# Follow-up\n\nCapvision staff were questioned again.\n\nA second Capvision office closed.\n\nNothing else.\n');
    const summary = await notebook.host.imports.importPaths({ jobId: 'saved-1', paths: [file] });
    expect(summary.imported).toHaveLength(1);
    expect(summary.savedSearches).toEqual([expect.objectContaining({ savedSearchId: saved.id, query: 'Capvision', newPassages: 2 })]);
    expect(events.at(-1)?.[0]?.newPassages).toBe(2);
    const listed = (await notebook.host.search.listSaved({})).find((s) => s.id === saved.id)!;
    expect(listed.lastNewPassages).toBe(2);
    expect((await notebook.host.search.removeSaved({ id: saved.id })).removed).toBe(true);
    expect((await notebook.host.search.listSaved({})).map((s) => s.query)).toEqual(['nothing-matches-this']);
  });
});

describe('batch search', () => {
  it('counts each term by source, and exports CSV that a spreadsheet cannot run', async () => {
    const notebook = track(freshNotebook());
    const result = await notebook.host.search.batch({ terms: ['Capvision', 'Hewlett Packard', 'zzznothing', '=cmd'] });
    expect(result.rows.map((r) => r.term)).toEqual(['Capvision', 'Hewlett Packard', 'zzznothing', '=cmd']);
    const capvision = result.rows[0]!;
    expect(capvision.total).toBeGreaterThan(0);
    expect(capvision.sources[0]).toMatchObject({ sourceId: 'seed-002' });
    expect(result.rows[2]!.total).toBe(0);
    const csv = batchToCsv(result);
    expect(csv.split('\r\n')[0]).toBe('term,source_id,source_title,passages,term_total');
    expect(csv).toContain(`Capvision,seed-002,`);
    expect(csv).toContain(`'=cmd,,,0,0`);
  });

  it('reads terms one per line or as CSV', () => {
    expect(parseTerms('Capvision\n\nMSS\r\nCapvision\n')).toEqual(['Capvision', 'MSS']);
    expect(parseTerms('term,notes\n"Xi, Jinping",leader\nWeChat,app\n')).toEqual(['Xi, Jinping', 'WeChat']);
  });
});

describe('the CLI', () => {
  it('search --batch terms.txt --csv prints the table', () => {
    const dataDir = tempDir();
    const terms = path.join(dataDir, 'terms.txt');
    fs.writeFileSync(terms, 'Capvision\nMSS\n');
    const run = cli(dataDir, 'search', '--batch', terms, '--csv');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('term,source_id,source_title,passages,term_total');
    expect(lines.some((l) => l.startsWith('Capvision,seed-002,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('MSS,'))).toBe(true);
  });

  it('fails with the reason (unavailable, so exit code 1) when the index cannot answer, instead of printing nothing', async () => {
    const lines: string[] = [];
    const ctx = {
      dataDir: '/nowhere',
      json: false,
      out: (line: string) => lines.push(line),
      notebook: () => ({
        on: () => () => {},
        search: { ready: async () => ({ state: 'failed', documents: 0, origin: null, message: 'the worker keeps stopping' }) },
      }),
      get host(): never {
        throw new Error('search must not be asked');
      },
    } as unknown as Parameters<typeof searchCommand.run>[0];
    await expect(searchCommand.run(ctx, ['Capvision'], {})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/Search cannot answer: the worker keeps stopping/),
    });
    expect(lines).toEqual([]);
  });

  it('names a terms file it cannot read', () => {
    const dataDir = tempDir();
    const run = cli(dataDir, 'search', '--batch', path.join(dataDir, 'no-such-terms.txt'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no-such-terms\.txt: cannot be read \(ENOENT\)/);
  });
});
