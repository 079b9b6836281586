import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../src/shared/domain';
import { normalizeWhitespace } from '../../../src/shared/text';
import { createEventHub } from '../../../src/main/services/events';
import { createImporter } from '../../../src/main/services/import/service';
import { commitImport } from '../../../src/main/services/import/commit';
import { prepareImport } from '../../../src/main/services/import/prepare';
import { freshNotebook, tempDir } from '../helpers';
import { HOSTILE_HTML, makeDocx, makePdf } from './fixtures';

type TestNotebook = ReturnType<typeof freshNotebook>;
let nb: TestNotebook;
beforeEach(() => {
  nb = freshNotebook();
});
afterEach(() => nb.close());

const b64 = (data: Buffer | string) => (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('base64');

function counts() {
  const one = (sql: string) => (nb.db.prepare(sql).get() as { n: number }).n;
  return {
    sources: one('SELECT count(*) n FROM source'),
    versions: one('SELECT count(*) n FROM source_version'),
    passages: one('SELECT count(*) n FROM passage'),
    mentions: one('SELECT count(*) n FROM mention'),
    suggestions: one('SELECT count(*) n FROM entity_suggestion'),
  };
}

const integrity = () => nb.db.pragma('integrity_check', { simple: true });

describe('importing into the store', () => {
  it('lists each bad file with its reason, imports the good ones, and stays intact', async () => {
    const before = counts();
    const events: TaskProgress[] = [];
    nb.on('progress', (p) => events.push(p));
    const summary = await nb.host.imports.importFiles({
      jobId: 'job-mixed-1',
      files: [
        { fileName: 'good.txt', base64: b64("Field report\n\nChina's Ministry of State Security met officials in Beijing.\n") },
        { fileName: 'page.html', base64: b64(HOSTILE_HTML) },
        { fileName: 'report.pdf', base64: b64(makePdf([['Annual report', '', 'The Ministry of State Security grew.']])) },
        {
          fileName: 'memo.docx',
          base64: b64(makeDocx([{ text: 'Memo', style: 'Title' }, { text: 'Beijing and the Ministry of State Security.' }])),
        },
        { fileName: 'empty.txt', base64: '' },
        { fileName: 'blank.md', base64: b64('   \n\n  ') },
        { fileName: 'binary.txt', base64: b64(Buffer.from([1, 2, 3, 0, 255, 254, 0, 7])) },
        { fileName: 'latin1.txt', base64: b64(Buffer.from([0x63, 0x61, 0x66, 0xe9])) },
        { fileName: 'scan.pdf', base64: b64(makePdf([[]], { textLayer: false })) },
        { fileName: 'broken.pdf', base64: b64(makePdf([['x']]).subarray(0, 40)) },
        { fileName: 'notzip.docx', base64: b64('plain text, not a zip') },
        { fileName: 'evil\u202Egpj.txt', base64: b64('Name trick test\n\nbody') },
        { fileName: '<img src=x onerror=alert(1)>.txt', base64: b64('Markup name\n\nbody text') },
      ],
    });
    expect(summary.imported.map((i) => i.fileName)).toEqual([
      'good.txt',
      'page.html',
      'report.pdf',
      'memo.docx',
      'evilgpj.txt',
      '<img src=x onerror=alert(1)>.txt',
    ]);
    expect(Object.fromEntries(summary.failures.map((f) => [f.fileName, f.reason]))).toEqual({
      'empty.txt': 'the file is empty',
      'blank.md': 'the file contains only whitespace, no text',
      'binary.txt': 'contains NUL bytes: this looks like binary data, not text',
      'latin1.txt': 'not valid UTF-8 text (first bad byte at offset 3); save it as UTF-8 and import again',
      'scan.pdf': 'no text layer (scanned?): this PDF has only images of pages; run OCR on it first',
      'broken.pdf': expect.stringMatching(/^PDF is damaged/) as unknown as string,
      'notzip.docx': 'DOCX is not a valid archive (not a zip file)',
    });
    expect(integrity()).toBe('ok');
    const after = counts();
    expect(after.sources - before.sources).toBe(6);

    const good = await nb.host.sources.get({ id: summary.imported[0]!.sourceId });
    expect(good.kind).toBe('import');
    expect(good.passages.flatMap((p) => p.mentions.map((m) => m.entityId))).toContain('mss');
    const pdf = await nb.host.sources.get({ id: summary.imported[2]!.sourceId });
    expect(pdf.passages.every((p) => p.page === 1)).toBe(true);
    const version = nb.repos.sources.version(good.versionId)!;
    for (const p of good.passages) expect(normalizeWhitespace(version.text.slice(p.start, p.end))).toBe(p.text);
    expect(nb.repos.sources.original(good.versionId)!.toString()).toContain('Field report');

    const overall = events.filter((e) => e.task === 'import:job-mixed-1');
    expect(overall.at(-1)).toMatchObject({ done: 13, total: 13, finished: true });
    expect(events.some((e) => e.task.startsWith('import:job-mixed-1:') && e.finished)).toBe(true);
    // The first import of the file loads the import code and starts a worker from source (tsx):
    // thirteen files through one worker take well over the default on a busy two-core machine.
  }, 120_000);

  it('recognises the same bytes twice and makes new versions by canonical URL or by request', async () => {
    const first = await nb.host.imports.importFiles({ files: [{ fileName: 'page.html', base64: b64(HOSTILE_HTML) }] });
    const id = first.imported[0]!.sourceId;
    const again = await nb.host.imports.importFiles({ files: [{ fileName: 'copy.html', base64: b64(HOSTILE_HTML) }] });
    expect(again.failures).toEqual([{ fileName: 'copy.html', reason: `already in the notebook (source ${id})`, existingSourceId: id }]);

    const changed = HOSTILE_HTML.replace('announced reforms on Monday', 'announced sweeping reforms on Tuesday');
    const second = await nb.host.imports.importFiles({ files: [{ fileName: 'page-v2.html', base64: b64(changed) }] });
    expect(second.imported[0]).toMatchObject({ sourceId: id, newVersion: true, citationsToReview: [] });
    const detail = await nb.host.sources.get({ id });
    expect(detail.versionId).toBe(second.imported[0]!.versionId);
    expect(detail.passages.some((p) => p.text.includes('sweeping reforms'))).toBe(true);

    const text = await nb.host.imports.importFiles({ files: [{ fileName: 'n.txt', base64: b64('Notes v1\n\nfirst') }] });
    const v2 = await nb.host.imports.importFiles({
      newVersionOf: text.imported[0]!.sourceId,
      files: [{ fileName: 'n2.txt', base64: b64('Notes v2\n\nsecond') }],
    });
    expect(v2.imported[0]).toMatchObject({ sourceId: text.imported[0]!.sourceId, newVersion: true });
    await expect(nb.host.imports.importFiles({ newVersionOf: 'nope', files: [{ fileName: 'x.txt', base64: b64('x') }] })).rejects.toThrow(
      /No source with id "nope"/,
    );
    expect(integrity()).toBe('ok');
  });

  it('leaves nothing of a file whose commit fails half-way, and other files are unaffected', async () => {
    const before = counts();
    const importer = createImporter({ store: nb.store, dataDir: nb.dataDir, events: createEventHub(), noticeCommits: () => undefined });
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} mentions the Ministry of State Security in Beijing.`).join('\n');
    const summary = await importer.importFiles({ files: [{ fileName: 'half.txt', base64: b64(`Title\n${body}`) }], failAtPassage: 20 });
    await importer.close();
    expect(summary.imported).toEqual([]);
    expect(summary.failures[0]!.reason).toMatch(/internal error: injected failure before passage 20/);
    expect(counts()).toEqual(before);
    expect(integrity()).toBe('ok');

    // In-process too, with the same transaction the worker uses.
    const prepared = await prepareImport(nb.repos, 'inproc.txt', Buffer.from(`Title\n${body}`));
    expect(() =>
      commitImport(nb.store, prepared, {
        beforePassage: (i) => {
          if (i === 30) throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(counts()).toEqual(before);
    commitImport(nb.store, prepared);
    expect(counts().passages - before.passages).toBe(41);
  });

  it('imports folders from paths, skipping hidden files, and reports missing paths', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Alpha\n\nalpha text');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), '# Beta\n\nbeta text');
    fs.writeFileSync(path.join(dir, '.DS_Store'), Buffer.from([0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'c.xyz'), 'x');
    const summary = await nb.host.imports.importPaths({ paths: [dir, path.join(dir, 'missing.txt')] });
    expect(summary.imported.map((i) => i.fileName).sort()).toEqual(['a.txt', 'b.md']);
    expect(summary.failures).toEqual([
      { fileName: 'c.xyz', reason: 'unsupported file type (.xyz); Sourcebook imports .txt, .md, .html, .pdf and .docx' },
      { fileName: 'missing.txt', reason: 'file not found' },
    ]);
  });

  it('refuses a file over the size limit before reading it, and cancels queued files', async () => {
    const big = await nb.host.imports.importFiles({
      maxFileBytes: 1024,
      files: [{ fileName: 'big.txt', base64: b64('x'.repeat(5000)) }],
    });
    expect(big.failures[0]!.reason).toBe('file too large (5 KB; the limit is 1 KB)');

    const files = Array.from({ length: 30 }, (_, i) => ({ fileName: `f${i}.txt`, base64: b64(`Doc ${i}\n\n${'word '.repeat(2000)}`) }));
    // Cancel once the first file is being read: the others are still queued, whatever the machine's speed.
    const reading = new Promise<void>((resolve) => {
      const off = nb.on('progress', (p) => {
        if (!p.task.startsWith('import:job-cancel-1:')) return;
        off();
        resolve();
      });
    });
    const running = nb.host.imports.importFiles({ jobId: 'job-cancel-1', files });
    await reading;
    expect(await nb.host.imports.cancel({ jobId: 'job-cancel-1' })).toEqual({ cancelled: true });
    const summary = await running;
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.length + summary.failures.length).toBe(30);
    expect(summary.failures.some((f) => /^cancelled/.test(f.reason))).toBe(true);
    expect(counts().sources).toBe(5 + summary.imported.length);
    expect(integrity()).toBe('ok');
  });

  it('stages large uploads in chunks', async () => {
    const bytes = Buffer.from(`Staged\n\n${'chunked text '.repeat(1000)}`);
    const half = Math.floor(bytes.length / 2);
    await nb.host.imports.stage({ uploadId: 'upload-1', offset: 0, base64: b64(bytes.subarray(0, half)) });
    await expect(nb.host.imports.stage({ uploadId: 'upload-1', offset: 5, base64: b64('x') })).rejects.toThrow(/send the chunks in order/);
    expect(await nb.host.imports.stage({ uploadId: 'upload-1', offset: half, base64: b64(bytes.subarray(half)) })).toEqual({
      uploadId: 'upload-1',
      receivedBytes: bytes.length,
    });
    const summary = await nb.host.imports.importFiles({
      files: [
        { fileName: 'staged.txt', uploadId: 'upload-1' },
        { fileName: 'gone.txt', uploadId: 'upload-2' },
      ],
    });
    expect(summary.imported.map((i) => i.fileName)).toEqual(['staged.txt']);
    expect(summary.failures).toEqual([{ fileName: 'gone.txt', reason: 'upload incomplete or expired: add the file again' }]);
    expect(fs.existsSync(path.join(nb.dataDir, 'import-staging', 'upload-1.part'))).toBe(false);
  });
});

describe('entity suggestions and metadata', () => {
  it('suggests new names, and accept / alias / reject link or forget them', async () => {
    const text =
      'Briefing\n\nAngela Merkel met Olaf Scholz in Hamburg. Later Angela Merkel spoke to the Ministry of State Security.\nOlaf Scholz returned to Hamburg.';
    const summary = await nb.host.imports.importFiles({ files: [{ fileName: 'brief.txt', base64: b64(text) }] });
    const sourceId = summary.imported[0]!.sourceId;
    const suggestions = await nb.host.imports.suggestions({ sourceId });
    const byName = new Map(suggestions.map((s) => [s.name, s]));
    expect(byName.get('Angela Merkel')).toMatchObject({ type: 'person', status: 'pending' });
    expect([...byName.keys()]).not.toContain('Ministry of State Security');
    expect([...byName.keys()]).not.toContain('State Security');

    const accepted = await nb.host.imports.resolveSuggestion({
      id: byName.get('Angela Merkel')!.id,
      action: 'accept',
    });
    expect(accepted.linkedMentions).toBe(2);
    const detail = await nb.host.sources.get({ id: sourceId });
    expect(
      detail.passages
        .flatMap((p) => p.mentions)
        .filter((m) => m.entityId === accepted.entityId)
        .map((m) => m.surface),
    ).toEqual(['Angela Merkel', 'Angela Merkel']);

    const scholz = byName.get('Olaf Scholz')!;
    const aliased = await nb.host.imports.resolveSuggestion({
      id: scholz.id,
      action: 'alias',
      entityId: accepted.entityId!,
    });
    expect(aliased).toMatchObject({ entityId: accepted.entityId, linkedMentions: 2, suggestion: { status: 'aliased' } });

    const hamburg = byName.get('Hamburg');
    if (hamburg) {
      const rejected = await nb.host.imports.resolveSuggestion({ id: hamburg.id, action: 'reject' });
      expect(rejected.suggestion.status).toBe('rejected');
      await expect(nb.host.imports.resolveSuggestion({ id: hamburg.id, action: 'reject' })).rejects.toThrow(/already rejected/);
    }
    expect(integrity()).toBe('ok');
  });

  it('edits metadata, keeping fields not given and refusing a non-web URL', async () => {
    const updated = await nb.host.sources.updateMetadata({
      sourceId: 'seed-000',
      metadata: { title: 'New title', authors: ['A. Person'], issued: '2020-08-01' },
    });
    expect(updated.metadata).toMatchObject({
      title: 'New title',
      authors: [{ family: 'Person', given: 'A.' }],
      issued: '2020-08-01',
      publisher: null,
    });
    expect((await nb.host.sources.get({ id: 'seed-000' })).metadata.title).toBe('New title');
    await expect(nb.host.sources.updateMetadata({ sourceId: 'seed-000', metadata: { url: 'javascript:alert(1)' } })).rejects.toThrow(
      /not a web address/,
    );
    await expect(nb.host.sources.updateMetadata({ sourceId: 'nope', metadata: {} })).rejects.toThrow(/No source/);
  });
});
