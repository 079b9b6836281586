import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceManifest } from '../../../src/main/services/export/evidence';
import type { ExportResult, ReportModel } from '../../../src/shared/export';
import { sanitizeFileName } from '../../../src/shared/export';
import { freshNotebook, ROOT, tempDir } from '../helpers';
import { seedReport } from './fixtures';

const VERIFY = path.join(ROOT, 'scripts/verify-evidence.mjs');
const CLI = path.join(ROOT, 'bin/sourcebook.mjs');
let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;
let dir: string;

beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
  dir = tempDir('sourcebook-evidence-');
});
afterAll(() => notebook.close());

async function pack(model = report): Promise<string> {
  const result = (await notebook.host.export.run({ report: model, format: 'zip' })) as ExportResult;
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, Buffer.from(result.base64, 'base64'));
  return file;
}

const verify = (file: string) => spawnSync(process.execPath, [VERIFY, file, '--json'], { encoding: 'utf8' });
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('evidence pack', () => {
  it('holds the report, each pinned source text and a manifest whose hashes verify offline', async () => {
    const file = await pack();
    const entries = unzipSync(fs.readFileSync(file));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString()) as EvidenceManifest;
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['report.html', 'report.md', 'README.txt', 'manifest.json']));
    expect(manifest.sources).toHaveLength(new Set(report.citations.map((c) => c.sourceId)).size);
    for (const source of manifest.sources) {
      const text = notebook.repos.sources.version(source.versionId)!.text;
      expect(Buffer.from(entries[source.path]!).toString('utf8')).toBe(text);
      expect(source.sha256).toBe(sha(text));
    }
    for (const c of manifest.citations) expect(c.quoteSha256).toBe(sha(c.quote));
    expect(manifest.citations.every((c) => c.verified && c.note !== null)).toBe(true);

    const result = verify(file);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      citations: report.citations.length,
      verifiedQuotes: report.citations.length,
      failures: [],
    });
  });

  it('fails verification when a source text or a quote is altered', async () => {
    const entries = unzipSync(fs.readFileSync(await pack()));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString()) as EvidenceManifest;
    const tamperedSource = { ...entries, [manifest.sources[0]!.path]: new TextEncoder().encode('altered') };
    const file1 = path.join(dir, 'tampered-source.zip');
    fs.writeFileSync(file1, zipSync(tamperedSource));
    const r1 = verify(file1);
    expect(r1.status).toBe(1);
    expect(JSON.parse(r1.stdout).failures.join('\n')).toContain('SHA-256 differs');

    manifest.citations[0]!.quote = 'Words never written';
    const file2 = path.join(dir, 'tampered-quote.zip');
    fs.writeFileSync(file2, zipSync({ ...entries, 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) }));
    const r2 = verify(file2);
    expect(r2.status).toBe(1);
    expect(JSON.parse(r2.stdout).failures.join('\n')).toContain("quote's SHA-256");
  });

  it('records flagged citations in the manifest, and they still verify as flagged', async () => {
    const model = {
      ...report,
      citations: report.citations.map((c, i) => (i === 0 ? { ...c, status: 'review' as const, statusDetail: 'Reworded upstream.' } : c)),
    };
    const result = verify(await pack(model));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).flagged).toEqual([expect.objectContaining({ status: 'review', message: 'Reworded upstream.' })]);
  });
});

describe('CLI', () => {
  it('exports a report model and writes bibliographies of seed sources', () => {
    const dataDir = tempDir('sourcebook-cli-');
    const model = path.join(dir, 'model.json');
    fs.writeFileSync(model, JSON.stringify(report));
    const out = path.join(dir, 'cli.md');
    const json = execFileSync(
      process.execPath,
      [CLI, 'export', '--model', model, '--format', 'md', '--style', 'apa', '-o', out, '--json', '--data-dir', dataDir],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(json)).toMatchObject({ file: out, check: { citations: report.citations.length, problems: [] } });
    expect(fs.readFileSync(out, 'utf8')).toContain('## References');

    const bib = path.join(dir, 'seeds.bib');
    execFileSync(process.execPath, [
      CLI,
      'bibliography',
      '--format',
      'bibtex',
      '--sources',
      'seed-000,seed-001',
      '-o',
      bib,
      '--data-dir',
      dataDir,
    ]);
    expect(fs.readFileSync(bib, 'utf8').match(/^@online\{/gm)).toHaveLength(2);

    const bad = spawnSync(process.execPath, [CLI, 'export', '--model', model, '--format', 'odt', '-o', out, '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/format/);
  }, 60_000);

  it('sanitises file names', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j', 'md')).toBe('a b c d e f g h i j.md');
    expect(sanitizeFileName('...', 'pdf')).toBe('report.pdf');
    expect(sanitizeFileName('NUL', 'docx')).toBe('report-NUL.docx');
    expect(sanitizeFileName('x'.repeat(300), 'zip')).toHaveLength(124);
  });
});
