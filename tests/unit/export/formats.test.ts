import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, ExportOptions, ExportResult, ReportModel } from '../../../src/shared/export';
import { freshNotebook, tempDir } from '../helpers';
import { MARKUP_TEXT, MARKUP_TITLE, run, seedReport } from './fixtures';

// Checks every format with the tools a reader would use: pandoc, pdftotext, pdftoppm.
let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;

beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
});
afterAll(() => notebook.close());

async function exportAs(
  format: ExportFormat,
  options: Partial<ExportOptions> = {},
  model = report,
): Promise<{ result: ExportResult; bytes: Buffer }> {
  const result = (await notebook.host.export.run({ report: model, format, options })) as ExportResult;
  return { result, bytes: Buffer.from(result.base64, 'base64') };
}

const writeTemp = (bytes: Buffer, ext: string) => {
  const file = path.join(tempDir('sourcebook-export-'), `report.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
};
// Quotation marks inside a quote are printed as the locale's inner marks (CMOS 13.30); compare the words.
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[“”‘’"']/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
const pandocJson = (bytes: Buffer | string, from: string) => run('pandoc', ['-f', from, '-t', 'json'], bytes);
const countNotes = (json: string) => (json.match(/"t":"Note"/g) ?? []).length;

describe('exported files read back with real tools', () => {
  it('Markdown: pandoc finds one footnote per citation, and markup stays text', async () => {
    const { bytes } = await exportAs('md');
    expect(countNotes(pandocJson(bytes, 'markdown'))).toBe(report.citations.length);
    const plain = squash(run('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none'], bytes));
    expect(plain).toContain(squash(MARKUP_TITLE));
    expect(plain).toContain(squash(MARKUP_TEXT));
    for (const c of report.citations) expect(plain).toContain(squash(c.quote));
    expect(bytes.toString()).not.toMatch(/undefined|\[object/);
  });

  it('DOCX: pandoc reads every quote and one real footnote per citation (and endnotes when asked)', async () => {
    const { bytes } = await exportAs('docx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const json = pandocJson(bytes, 'docx');
    expect(countNotes(json)).toBe(report.citations.length);
    const plain = squash(run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none'], bytes));
    for (const c of report.citations) expect(plain).toContain(squash(c.quote));
    expect(plain).toContain(squash(MARKUP_TITLE));
    expect(plain).toContain(squash(MARKUP_TEXT));
    expect(plain).toContain('Bibliography');

    const endnotes = await exportAs('docx', { notes: 'endnotes' });
    const endnotesXml = Buffer.from(unzipSync(endnotes.bytes)['word/endnotes.xml']!).toString('utf8');
    expect(endnotesXml).toContain(squash(report.citations[0]!.quote).slice(0, 40));
    expect(countNotes(pandocJson(endnotes.bytes, 'docx'))).toBe(report.citations.length);
  });

  it('HTML: no script, no remote resource, the same notes, markup as text', async () => {
    const { bytes } = await exportAs('html');
    const html = bytes.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|srcset|action|poster|data)\s*=\s*["']?\s*(https?:|\/\/|javascript:|data:)/i);
    // Links are followed only when clicked: to the web, or to a note of the same report.
    for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:|#(note|ref|section)-)/);
    expect(html).not.toMatch(/url\(|@import|<link|<iframe|<object|<embed|<img/i);
    expect(html).toContain("default-src 'none'");
    expect((html.match(/<li id="note-\d+"/g) ?? []).length).toBe(report.citations.length);
    expect((html.match(/<sup class="note-ref">/g) ?? []).length).toBe(report.citations.length);
    const plain = squash(run('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none'], bytes));
    expect(plain).toContain(squash(MARKUP_TITLE));
    expect(plain).toContain(squash(MARKUP_TEXT));
    for (const c of report.citations) expect(plain).toContain(squash(c.quote));
  });

  it('PDF: pdftotext finds every footnote text; the first page renders', async () => {
    const { bytes } = await exportAs('pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Lines break anywhere on a page: compare without spaces.
    const tight = (s: string) => squash(s).replace(/[\s-]/g, '');
    const text = tight(run('pdftotext', ['-', '-'], bytes));
    for (const c of report.citations) expect(text).toContain(tight(c.quote));
    expect(text).toContain('para.4');
    expect(text).toContain(tight(MARKUP_TITLE));
    const pdf = writeTemp(bytes, 'pdf');
    run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '40', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
    expect(fs.statSync(pdf.replace(/\.pdf$/, '.png')).size).toBeGreaterThan(5000);
    expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+[1-9]/);
  }, 180_000);

  it('in-text styles print the citation inline and put only quotes in notes', async () => {
    const withQuotes = await exportAs('md', { style: 'apa' });
    const md = withQuotes.bytes.toString();
    expect(countNotes(pandocJson(md, 'markdown'))).toBe(report.citations.length);
    // The citation comes before the sentence's full stop, the quote's note number after it.
    expect(md).toContain('*ambitious* \\(Taylor, n.d., para. 4\\).[^1]');
    expect(md).toContain('## References');

    const without = await exportAs('md', { style: 'mla', includeQuotes: false, includeBibliography: false });
    const mla = without.bytes.toString();
    expect(countNotes(pandocJson(mla, 'markdown'))).toBe(0);
    expect((mla.match(/\\\(Taylor, par\. /g) ?? []).length).toBe(report.citations.filter((c) => c.sourceId === 'seed-000').length);
    expect(mla).not.toContain('Works Cited');
    for (const c of report.citations) expect(mla).not.toContain(c.quote.slice(12, 60));
  });

  it('names the file after the report title, sanitised', async () => {
    const model = { ...report, title: '../../etc/passwd: <CON> "quoted"?*' };
    const { result } = await exportAs('md', {}, model);
    expect(result.fileName).toBe('etc passwd CON quoted.md');
    expect(result.fileName).not.toMatch(/[/\\:<>"?*]/);
  });
});
