import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, ReportModel } from '../../../src/shared/export';
import { freshNotebook, tempDir } from '../helpers';
import { run, seedReport } from './fixtures';

let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;
beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
  // A note with H2 and H3 only, and a link to the other note of the report.
  report.sections[0]!.blocks.push(
    { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Second-level heading' }] },
    { kind: 'heading', level: 3, content: [{ kind: 'text', text: 'Third-level heading' }] },
    { kind: 'paragraph', content: [{ kind: 'noteLink', noteId: 'n-second', text: 'the other note' }] },
  );
  report.sections[0]!.blocks.splice(1, 1);
});
afterAll(() => notebook.close());

async function docx(options: Record<string, unknown> = {}): Promise<Buffer> {
  const result = (await notebook.host.export.run({ report, format: 'docx', options })) as ExportResult;
  return Buffer.from(result.base64, 'base64');
}
const part = (bytes: Buffer, name: string) => Buffer.from(unzipSync(bytes)[name]!).toString('utf8');
const paragraphStyles = (xml: string) => [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);

describe('DOCX as Word and LibreOffice show it', () => {
  it('headings go Title → Heading 1 → Heading 2 → Heading 3, never skipping a level', async () => {
    const styles = paragraphStyles(part(await docx(), 'word/document.xml')).filter((s) => /^(Title|Heading\d)$/.test(s!));
    expect(styles.slice(0, 4)).toEqual(['Title', 'Heading1', 'Heading2', 'Heading3']);
    for (let i = 1; i < styles.length; i++) {
      const level = (s: string) => (s === 'Title' ? 0 : Number(s.slice(7)));
      expect(level(styles[i]!) - level(styles[i - 1]!)).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it('footnotes use the 10 pt footnote style with a space after the mark; block quotes are roman; pages are numbered', async () => {
    const bytes = await docx();
    const footnotes = part(bytes, 'word/footnotes.xml');
    const notes = footnotes.split('<w:footnote ').slice(3);
    expect(notes.length).toBe(report.citations.length);
    for (const note of notes) {
      expect(note).toContain('<w:pStyle w:val="FootnoteText"/>');
      expect(note).toMatch(/<w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t>/);
    }
    const styles = part(bytes, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="FootnoteText"[\s\S]*?<w:sz w:val="20"\/>/);
    const quoteStyle = /<w:style [^>]*w:styleId="Quote"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(quoteStyle).not.toContain('<w:i/>');
    const files = Object.keys(unzipSync(bytes));
    const footer = files.find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(part(bytes, footer)).toMatch(/PAGE/);
    // Letter for Chicago's en-US, A4 when asked.
    expect(part(bytes, 'word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(part(await docx({ paper: 'a4' }), 'word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  }, 120_000);

  it('links between notes of the report are internal links to a bookmark', async () => {
    const xml = part(await docx(), 'word/document.xml');
    expect(xml).toMatch(/<w:bookmarkStart w:name="section-n-second"/);
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="section-n-second"/);
  }, 120_000);

  it('pandoc reads the headings, the internal link and one note per citation', async () => {
    const md = run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none'], await docx());
    expect(md).toMatch(/^# Mandate and reach/m);
    expect(md).toMatch(/^## Second-level heading/m);
    expect(md).toMatch(/^### Third-level heading/m);
    // pandoc turns the bookmark into the heading's own identifier and keeps the link internal.
    expect(md).toMatch(/\[the other note\]\(#on-script[^)]*\)/);
    expect((md.match(/^\[\^\d+\]:/gm) ?? []).length).toBe(report.citations.length);
  }, 120_000);

  it('LibreOffice prints it with page numbers and the footnotes', async () => {
    const dir = tempDir('sourcebook-docx-');
    const file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, await docx({ style: 'apa' }));
    execFileSync(
      'libreoffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file],
      {
        stdio: 'ignore',
        timeout: 180_000,
      },
    );
    const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', ['-'], pdf))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const lines = run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), '-', '-'], pdf)
        .split('\n')
        .filter((l) => l.trim());
      expect(lines.at(-1)!.trim()).toBe(String(p));
    }
    const text = run('pdftotext', ['-', '-'], pdf).replace(/\s+/g, ' ');
    expect(text).toContain('(Taylor, n.d., para. 4).');
    expect(text).toContain('References');
  }, 240_000);
});
