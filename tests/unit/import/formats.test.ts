import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeWhitespace } from '../../../src/shared/text';
import { extractDocument, type Extracted } from '../../../src/main/services/import/parse';
import { ImportError } from '../../../src/main/services/import/failure';
import { MAX_PASSAGE_CHARS } from '../../../src/main/services/import/document';
import { displayFileName } from '../../../src/main/services/import/filename';
import { tempDir } from '../helpers';
import { externalImageDocx, HOSTILE_HTML, makeDocx, makePdf, makeZip } from './fixtures';

function expectOffsetsHold(doc: Extracted) {
  for (const p of doc.passages) expect(normalizeWhitespace(doc.text.slice(p.start, p.end))).toBe(p.text);
  expect(new Set(doc.passages.map((p) => p.anchor)).size).toBe(doc.passages.length);
}

async function reason(bytes: Buffer, name: string): Promise<string> {
  try {
    await extractDocument(bytes, name);
  } catch (error) {
    if (error instanceof ImportError) return error.reason;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

afterEach(() => vi.restoreAllMocks());

describe('plain text', () => {
  it('decodes UTF-8 and UTF-16 with a BOM, normalised to NFC', async () => {
    const utf8 = await extractDocument(Buffer.from('Cafe\u0301 report\n\nThe Ministry met in Beijing.\n'), 'a.txt');
    expect(utf8.text).toContain('Café');
    expect(utf8.passages[0]).toMatchObject({ kind: 'title', text: 'Café report' });
    const utf16 = await extractDocument(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello from UTF-16\nsecond line.', 'utf16le')]),
      'b.txt',
    );
    expect(utf16.passages.map((p) => p.text)).toEqual(['Hello from UTF-16', 'second line.']);
    expectOffsetsHold(utf8);
    expectOffsetsHold(utf16);
  });

  it('refuses empty, whitespace-only, NUL, binary and invalid UTF-8 with plain reasons', async () => {
    expect(await reason(Buffer.alloc(0), 'empty.txt')).toBe('the file is empty');
    expect(await reason(Buffer.from(' \n\t\r\n  '), 'blank.txt')).toBe('the file contains only whitespace, no text');
    expect(await reason(Buffer.from('abc\u0000def'), 'nul.txt')).toMatch(/NUL bytes/);
    expect(await reason(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 'program.txt')).toMatch(/binary data/);
    expect(await reason(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), 'latin1.txt')).toBe(
      'not valid UTF-8 text (first bad byte at offset 3); save it as UTF-8 and import again',
    );
    expect(await reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'photo.txt')).toMatch(/is an image/);
    expect(await reason(Buffer.from('x'), 'sheet.xlsx')).toMatch(/unsupported file type \(\.xlsx\)/);
  });

  it('splits a 10 MB single line into readable passages that keep the offsets contract', async () => {
    const line = 'The Ministry of State Security issued a statement. '.repeat(200_000).slice(0, 10 * 1024 * 1024);
    const doc = await extractDocument(Buffer.from(line), 'long.txt');
    expect(doc.passages.length).toBeGreaterThan(2000);
    expect(Math.max(...doc.passages.map((p) => p.text.length))).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expectOffsetsHold(doc);
    const solid = await extractDocument(Buffer.from('x'.repeat(50_000)), 'solid.txt');
    expect(solid.passages.map((p) => p.text).join('')).toBe('x'.repeat(50_000));
  });
});

describe('markdown', () => {
  it('keeps words, drops syntax, and types headings, bullets and quotes', async () => {
    const md =
      '---\ntitle: Field notes\nauthor: Kim Lee\ndate: 2021-05-06\n---\n# Field notes\n\nSome **bold** and _emphasis_ with a [link](https://example.org) and `code`.\n\n## Details\n\n- first item\n- second *item*\n\n> a quotation\n> over two lines\n\n![diagram](x.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const doc = await extractDocument(Buffer.from(md), 'notes.md');
    expect(doc.metadata).toMatchObject({ title: 'Field notes', authors: [{ family: 'Lee', given: 'Kim' }], issued: '2021-05-06' });
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['title', 'Field notes'],
      ['paragraph', 'Some bold and emphasis with a link and code.'],
      ['heading', 'Details'],
      ['bullet', 'first item'],
      ['bullet', 'second item'],
      ['quote', 'a quotation over two lines'],
      ['paragraph', 'diagram'],
      ['paragraph', 'a · b'],
      ['paragraph', '1 · 2'],
    ]);
    expectOffsetsHold(doc);
  });
});

describe('web pages', () => {
  it('extracts the article and metadata, never fetching or running anything', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const httpSpy = vi.spyOn(http, 'request');
    const httpsSpy = vi.spyOn(https, 'request');
    const connectSpy = vi.spyOn(net.Socket.prototype, 'connect');
    const doc = await extractDocument(Buffer.from(HOSTILE_HTML), 'page.html');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(httpSpy).not.toHaveBeenCalled();
    expect(httpsSpy).not.toHaveBeenCalled();
    expect(connectSpy).not.toHaveBeenCalled();
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();

    expect(doc.metadata).toMatchObject({
      title: 'Ministry reforms announced',
      authors: [{ family: 'Writer', given: 'Ada' }],
      issued: '2024-02-03',
      // JSON-LD says NewsArticle, and its publisher is the news site: the container, not an imprint.
      type: 'article-newspaper',
      containerTitle: 'Example News',
      publisher: null,
      url: 'https://news.example.org/story/1',
    });
    expect(doc.canonicalUrl).toBe('https://news.example.org/story/1');
    expect(doc.text).not.toMatch(/[<>]/);
    expect(doc.text).not.toMatch(/__ran|tracker\.invalid|javascript:|Buy cheap|Sport/);
    const kinds = doc.passages.map((p) => p.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds).toContain('heading');
    expect(doc.passages.filter((p) => p.kind === 'bullet').map((p) => p.text)).toEqual([
      'Washington asked for clarification.',
      'Canberra said it was studying the text.',
    ]);
    expect(doc.passages.find((p) => p.kind === 'quote')?.text).toBe('We will watch closely what happens next.');
    expect(doc.text).toContain('were cosmetic');
    expectOffsetsHold(doc);
  });

  it('honours a declared legacy charset and refuses a lying one', async () => {
    const latin1 = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>Caf\xe9 society met in the old town for a long evening of talk and argument.</p></body></html>',
      'latin1',
    );
    const doc = await extractDocument(latin1, 'legacy.html');
    expect(doc.text).toContain('Café society');
    expect(await reason(Buffer.from('<html><body><p>caf\xe9</p></body></html>', 'latin1'), 'nodecl.html')).toMatch(/not valid UTF-8/);
  });
});

describe('PDF', () => {
  it('extracts text per page with page numbers and document metadata', async () => {
    const pdf = makePdf([['Annual report on security', '', 'The Ministry of State Security grew.'], ['Second page text about Beijing.']], {
      title: 'Annual report',
    });
    const doc = await extractDocument(pdf, 'report.pdf');
    expect(doc.format).toBe('pdf');
    // The Info dictionary's CreationDate is when the file was made, never the work's date.
    expect(doc.metadata).toMatchObject({ title: 'Annual report', authors: [{ literal: 'Test Author' }], issued: null });
    expect(doc.passages.map((p) => [p.page, p.text])).toEqual([
      [1, 'Annual report on security'],
      [1, 'The Ministry of State Security grew.'],
      [2, 'Second page text about Beijing.'],
    ]);
    expectOffsetsHold(doc);
  });

  it('reports scanned, damaged and truncated PDFs plainly', async () => {
    expect(await reason(makePdf([[]], { textLayer: false }), 'scan.pdf')).toMatch(/^no text layer \(scanned\?\)/);
    const pdf = makePdf([['Some text here.']]);
    expect(await reason(pdf.subarray(0, Math.floor(pdf.length / 3)), 'truncated.pdf')).toMatch(/^PDF is damaged|^no text layer/);
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256))]);
    expect(await reason(garbage, 'damaged.pdf')).toMatch(/^PDF is damaged/);
    expect(await reason(Buffer.from('not a pdf at all'), 'fake.pdf')).toMatch(/^PDF is damaged/);
  });
});

describe('DOCX', () => {
  it('reads paragraphs, headings and core properties', async () => {
    const docx = makeDocx(
      [
        { text: 'Quarterly review', style: 'Title' },
        { text: 'Background', style: 'Heading1' },
        { text: 'The Ministry of State Security & partners met in Beijing.' },
      ],
      { title: 'Quarterly review' },
    );
    const doc = await extractDocument(docx, 'review.docx');
    // dcterms:created is when the file was made, never the work's date.
    expect(doc.metadata).toMatchObject({ title: 'Quarterly review', authors: [{ literal: 'Docx Author' }], issued: null });
    expect(doc.passages.map((p) => p.text)).toEqual([
      'Quarterly review',
      'Background',
      'The Ministry of State Security & partners met in Beijing.',
    ]);
    expect(doc.passages[1]!.kind).toBe('heading');
    expectOffsetsHold(doc);
  });

  it('refuses archives that are not zips, bombs, and liars', async () => {
    expect(await reason(Buffer.from('just some text pretending'), 'fake.docx')).toBe('DOCX is not a valid archive (not a zip file)');
    expect(await reason(makeZip([{ name: 'readme.txt', data: 'hello' }]), 'other.docx')).toMatch(/no word\/document\.xml/);
    expect(await reason(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100)]), 'cut.docx')).toMatch(
      /DOCX is not a valid archive/,
    );
    const bomb = makeDocx([], { documentXml: { name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20) } });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await reason(bomb, 'bomb.docx')).toMatch(/decompression bomb/);
    const liar = makeDocx([], {
      documentXml: { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 1000 },
    });
    expect(await reason(liar, 'liar.docx')).toMatch(/expands beyond the size it declares/);
  });

  it('never reads a local file an image links to', async () => {
    const dir = tempDir();
    const secret = path.join(dir, 'secret.png');
    fs.writeFileSync(secret, 'TOP-SECRET-CONTENTS');
    const readSpy = vi.spyOn(fs, 'readFile');
    const doc = await extractDocument(externalImageDocx(secret), 'linked.docx');
    expect(doc.text).toBe('A document with a linked picture.');
    expect(doc.text).not.toContain('TOP-SECRET');
    expect(readSpy.mock.calls.some((call) => String(call[0]).includes('secret.png'))).toBe(false);
  });
});

describe('file names', () => {
  it('drops bidi overrides and control characters but keeps markup as plain characters', () => {
    expect(displayFileName('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    expect(displayFileName('/tmp/x/<img src=x onerror=alert(1)>.txt')).toBe('<img src=x onerror=alert(1)>.txt');
    expect(displayFileName('\u0007\u2066')).toBe('unnamed file');
  });
});
