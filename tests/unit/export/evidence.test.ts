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

const VERIFY = path.join(ROOT, 'resources/evidence/verify.mjs');
const CLI = path.join(ROOT, 'bin/sourcebook.cjs');
let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;
let dir: string;
let sound: string;

beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
  dir = tempDir('sourcebook-evidence-');
  sound = await pack();
}, 120_000);
afterAll(() => notebook.close());

async function pack(model = report): Promise<string> {
  const result = (await notebook.host.export.run({ report: model, format: 'zip' })) as ExportResult;
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, Buffer.from(result.base64, 'base64'));
  return file;
}

const verify = (file: string, ...args: string[]) => spawnSync(process.execPath, [VERIFY, file, '--json', ...args], { encoding: 'utf8' });
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const utf8 = (b: Uint8Array) => Buffer.from(b).toString('utf8');

/** The sound pack, changed by `tamper`; `relist` names files whose manifest entry is brought up to date, as a forger would. */
function tampered(
  name: string,
  tamper: (entries: Record<string, Uint8Array>, manifest: EvidenceManifest) => void,
  relist: string[] = [],
): string {
  const entries = unzipSync(fs.readFileSync(sound));
  const manifest = JSON.parse(utf8(entries['manifest.json']!)) as EvidenceManifest;
  tamper(entries, manifest);
  for (const p of relist) {
    const file = manifest.files.find((f) => f.path === p)!;
    file.sha256 = sha(entries[p]!);
    file.bytes = entries[p]!.length;
  }
  entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  const file = path.join(dir, `${name}.zip`);
  fs.writeFileSync(file, zipSync(entries));
  return file;
}

function expectFailure(file: string, message: RegExp) {
  const result = verify(file);
  expect(result.status, result.stderr).toBe(1);
  const failures = (JSON.parse(result.stdout) as { failures: string[] }).failures.join('\n');
  expect(failures).toMatch(message);
}

describe('evidence pack', () => {
  it('holds the report, each pinned text and original file, the verifier, and a manifest that lists them all', () => {
    const entries = unzipSync(fs.readFileSync(sound));
    const manifest = JSON.parse(utf8(entries['manifest.json']!)) as EvidenceManifest;
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['report.html', 'report.md', 'README.txt', 'verify.mjs', 'manifest.json']));
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(entries)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    for (const f of manifest.files) expect(f.sha256).toBe(sha(entries[f.path]!));
    expect(manifest.sources).toHaveLength(new Set(report.citations.map((c) => c.sourceId)).size);
    for (const source of manifest.sources) {
      const version = notebook.repos.sources.version(source.versionId)!;
      expect(utf8(entries[source.path]!)).toBe(version.text);
      expect(source.sha256).toBe(sha(version.text));
      // The bytes it was imported from, which hash to the version's recorded SHA-256.
      expect(Buffer.from(entries[source.original!.path]!)).toEqual(notebook.repos.sources.original(source.versionId));
      expect(sha(entries[source.original!.path]!)).toBe(version.sha256);
    }
    for (const c of manifest.citations) expect(c.quoteSha256).toBe(sha(c.quote));
    expect(manifest.citations.every((c) => c.verified && c.note !== null && c.problem === null)).toBe(true);
    expect(utf8(entries['verify.mjs']!)).toBe(fs.readFileSync(VERIFY, 'utf8'));
    // Every quote printed in report.html is marked with its citation, for the verifier.
    expect(utf8(entries['report.html']!).match(/data-sb-quote=/g)).toHaveLength(report.citations.length);
  });

  it('verifies with the verifier it carries, run by plain Node on the zip and on the unzipped folder', () => {
    const entries = unzipSync(fs.readFileSync(sound));
    const folder = tempDir('sourcebook-unzipped-');
    for (const [name, bytes] of Object.entries(entries)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), bytes);
    }
    const own = path.join(folder, 'verify.mjs');
    const onZip = spawnSync(process.execPath, [own, sound, '--json'], { encoding: 'utf8' });
    expect(onZip.status, onZip.stderr).toBe(0);
    expect(JSON.parse(onZip.stdout)).toMatchObject({
      ok: true,
      citations: report.citations.length,
      verifiedQuotes: report.citations.length,
      reportQuotes: 2 * report.citations.length,
      failures: [],
    });
    const inFolder = spawnSync(process.execPath, [own], { cwd: folder, encoding: 'utf8' });
    expect(inFolder.status, inFolder.stdout + inFolder.stderr).toBe(0);
    expect(inFolder.stdout).toContain('OK: every file, hash and quote verifies.');
  });

  describe('refuses a tampered pack, naming what changed', () => {
    it('a missing file', () => {
      const file = tampered('missing', (e, m) => void delete e[m.sources[0]!.path]);
      expectFailure(file, /sources\/.*\.txt: listed in the manifest but missing from the pack/);
    });

    it('an extra, unlisted file', () => {
      const file = tampered('extra', (e) => void (e['notes/extra.txt'] = new TextEncoder().encode('slipped in')));
      expectFailure(file, /notes\/extra\.txt: in the pack but not listed in the manifest/);
    });

    it('a changed source text', () => {
      const file = tampered('source', (e, m) => void (e[m.sources[0]!.path] = new TextEncoder().encode('altered')));
      expectFailure(file, /sources\/.*\.txt: its SHA-256 differs from the manifest/);
    });

    it('a quote edited in report.html, with the manifest updated', () => {
      const quote = report.citations[0]!.quote;
      const edited = quote.replace(/\b(\w{5,})\b/, 'forged');
      const file = tampered(
        'html-quote',
        (e) => void (e['report.html'] = new TextEncoder().encode(utf8(e['report.html']!).replace(quote, edited))),
        ['report.html'],
      );
      expectFailure(file, new RegExp(`report\\.html: the quote of citation ${report.citations[0]!.id} reads .*forged`));
    });

    it('but not a quote whose typography alone differs (spaces, line breaks), as the app compares quotes', () => {
      const quote = report.citations[0]!.quote;
      const retyped = quote.replace(' ', '\u00a0').replace(' ', '\n  ');
      expect(retyped).not.toBe(quote);
      const file = tampered(
        'html-typography',
        (e) => void (e['report.html'] = new TextEncoder().encode(utf8(e['report.html']!).replace(quote, retyped))),
        ['report.html'],
      );
      const result = verify(file);
      expect(result.status, result.stdout).toBe(0);
    });

    it('a quote edited in report.md, with the manifest updated', () => {
      // The quote is the note's last “…” (a Chicago note also puts the source's title in quotation marks).
      const file = tampered(
        'md-quote',
        (e) => void (e['report.md'] = new TextEncoder().encode(utf8(e['report.md']!).replace(/\[\^2\]: (.*)“(\S+)/, '[^2]: $1“Not $2'))),
        ['report.md'],
      );
      expectFailure(file, /report\.md: note 2 does not quote the source's words/);
    });

    it('a quote edited in the manifest, with its hash updated', () => {
      const file = tampered('manifest-quote', (_, m) => {
        m.citations[0]!.quote = 'Words never written';
        m.citations[0]!.quoteSha256 = sha('Words never written');
      });
      expectFailure(file, /citation .*: the manifest quotes "Words never written" but/);
    });

    it('an original file replaced, with the manifest updated', () => {
      let original = '';
      const file = tampered(
        'original',
        (e, m) => {
          original = m.sources[0]!.original!.path;
          e[original] = new TextEncoder().encode('another document');
        },
        [],
      );
      // Relisting the forged original is not enough either: it must hash to the version's record.
      const relisted = tampered('original-relisted', (e, m) => {
        e[m.sources[0]!.original!.path] = new TextEncoder().encode('another document');
        const f = m.files.find((x) => x.path === m.sources[0]!.original!.path)!;
        f.sha256 = sha('another document');
        f.bytes = 16;
        m.sources[0]!.original!.sha256 = f.sha256;
      });
      expectFailure(file, new RegExp(`${original.replace(/[.]/g, '\\.')}: its SHA-256 differs`));
      expectFailure(relisted, /the original file does not hash to version .* recorded SHA-256/);
    });

    it('an empty manifest', () => {
      const file = tampered('empty', (_, m) => {
        m.files = [];
      });
      const result = verify(file);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/the manifest lists no files/);
    });
  });

  describe('caps what it inflates', () => {
    it('refuses from the zip directory, before inflating, a pack larger than the limit', () => {
      const bomb = path.join(dir, 'bomb.zip');
      fs.writeFileSync(bomb, zipSync({ 'manifest.json': new Uint8Array(10), 'zeros.bin': new Uint8Array(32 * 1024 * 1024) }, { level: 9 }));
      expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
      const result = verify(bomb, '--max-mb', '8');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/zeros\.bin would inflate to 33554432 bytes, more than the limit/);
    });

    it('never inflates an entry beyond its declared size', () => {
      const zip = Buffer.from(zipSync({ 'manifest.json': new TextEncoder().encode('x'.repeat(1_000_000)) }, { level: 9 }));
      // Make the central directory claim 100 bytes: a directory that lies about a bomb.
      const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt32LE(100, central + 24);
      const liar = path.join(dir, 'liar.zip');
      fs.writeFileSync(liar, zip);
      const result = verify(liar);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/manifest\.json: cannot be inflated within its declared size of 100 bytes/);
    });
  });

  it('records undecided citations in the manifest, and the pack still verifies with them flagged', async () => {
    const model = {
      ...report,
      citations: report.citations.map((c, i) => (i === 0 ? { ...c, status: 'changed' as const, statusDetail: 'Reworded upstream.' } : c)),
    };
    const result = verify(await pack(model));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).flagged).toEqual([
      expect.objectContaining({ problem: 'changed', message: 'Not yet reviewed: Reworded upstream.' }),
    ]);
  });

  it('is the same verifier as `sourcebook verify`', () => {
    const ok = spawnSync(process.execPath, [CLI, 'verify', sound], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('OK: every file, hash and quote verifies.');
    const bad = spawnSync(process.execPath, [CLI, 'verify', path.join(dir, 'extra.zip')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAILED: notes\/extra\.txt: in the pack but not listed/);
    expect(bad.stderr).toMatch(/does not verify/);
  }, 180_000);
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
  }, 180_000);

  it('sanitises file names', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j', 'md')).toBe('a b c d e f g h i j.md');
    expect(sanitizeFileName('...', 'pdf')).toBe('report.pdf');
    expect(sanitizeFileName('NUL', 'docx')).toBe('report-NUL.docx');
    expect(sanitizeFileName('x'.repeat(300), 'zip')).toHaveLength(124);
  });
});
