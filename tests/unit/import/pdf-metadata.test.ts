import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/main/services/import/parse';

interface Line {
  text: string;
  size: number;
}

/** A PDF whose first page is laid out like a journal article's, with the Info dictionary a publisher's tools leave. */
async function scholarlyPdf(lines: Line[], info: { title?: string; author?: string; created?: Date } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const page = doc.addPage([595, 842]);
  let y = 800;
  for (const line of lines) {
    page.drawText(line.text, { x: 60, y, size: line.size, font });
    y -= line.size * 1.8;
  }
  doc.addPage([595, 842]).drawText('Second page of the body text, which goes on.', { x: 60, y: 800, size: 10, font });
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  doc.setCreationDate(info.created ?? new Date('2026-03-01T00:00:00Z'));
  doc.setModificationDate(info.created ?? new Date('2026-03-01T00:00:00Z'));
  doc.setProducer('Test');
  doc.setCreator('Test');
  return Buffer.from(await doc.save());
}

const BODY = { text: 'Abstract. This article examines how the ministry described its remit in public documents.', size: 10 };

describe('PDF metadata from what the document states', () => {
  it('reads title, authors, journal, volume, issue, pages and DOI from the first page, not the file name; no stated year, no date', async () => {
    const pdf = await scholarlyPdf([
      { text: 'Journal of Intelligence History 39 (3): 361-365', size: 9 },
      { text: 'State Security and the Public Record', size: 20 },
      { text: 'Xie Maosong and Jane Doe', size: 12 },
      { text: 'DOI: 10.1177/0022343319829798', size: 9 },
      BODY,
    ]);
    const doc = await extractDocument(pdf, '01-valid.pdf');
    const m = doc.metadata;
    expect(m.title).toBe('State Security and the Public Record');
    expect(m.found.title?.from).toBe('first-page');
    expect(m.authors).toEqual([
      { family: 'Xie', given: 'Maosong', familyFirst: true },
      { family: 'Doe', given: 'Jane' },
    ]);
    expect(m).toMatchObject({
      containerTitle: 'Journal of Intelligence History',
      volume: '39',
      issue: '3',
      doi: '10.1177/0022343319829798',
    });
    expect(m.pages?.replace('–', '-')).toBe('361-365');
    expect(m.type).toBe('article-journal');
    // The journal line's year is absent: the 2026 creation date is never taken for the work's date.
    expect(m.issued).toBeNull();
  });

  it('ignores a catalogue id as title and a publisher as author; the first page states the title and a DOI', async () => {
    const pdf = await scholarlyPdf(
      [
        { text: 'Counter-Espionage Law in Practice', size: 22 },
        { text: 'https://doi.org/10.1080/02684527.2021.1893072', size: 9 },
        { text: '© 2023 The Authors. Published May 2023.', size: 8 },
        BODY,
      ],
      { title: 'sag-39-3-4-0902-21:sag-0', author: 'SAGE Publications' },
    );
    const m = (await extractDocument(pdf, 'download.pdf')).metadata;
    expect(m.title).toBe('Counter-Espionage Law in Practice');
    expect(m.authors).toEqual([]);
    expect(m.publisher).toBe('SAGE Publications');
    expect(m.doi).toBe('10.1080/02684527.2021.1893072');
    expect(m.issued).toMatch(/^2023/);
  });

  it('falls back to the file name only as a low-confidence guess, and invents nothing', async () => {
    const pdf = await scholarlyPdf([BODY, { text: 'More text of the same size on the page.', size: 10 }]);
    const m = (await extractDocument(pdf, 'field-notes.pdf')).metadata;
    expect(m.found.title).toEqual({ from: 'file-name', confidence: 'low' });
    expect(m).toMatchObject({ authors: [], issued: null, doi: null, volume: null, containerTitle: null });
  });
});
