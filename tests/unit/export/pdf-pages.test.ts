import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, ReportBlock, ReportModel } from '../../../src/shared/export';
import { freshNotebook } from '../helpers';
import { run, seedReport } from './fixtures';

// The PDF is checked page by page as a reader would: each note at the foot of the page that
// carries its number, and every page numbered.
let notebook: ReturnType<typeof freshNotebook>;
let base: ReportModel;

beforeAll(async () => {
  notebook = freshNotebook();
  base = await seedReport(notebook);
});
afterAll(() => notebook.close());

const FILLER =
  'The ministry’s public accounts describe a broad remit, and the sources differ on how far it reaches; each claim below is tied to a passage so that a reader can check it against the text it came from.';

/** Thirty claims, each ending in a citation, enough for several pages of notes. */
function longReport(): ReportModel {
  const blocks: ReportBlock[] = [];
  for (let k = 1; k <= 30; k++) {
    const citation = base.citations[k % base.citations.length]!;
    blocks.push({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: `${FILLER} Claim-${k} ends here.` },
        { kind: 'cite', citationId: citation.id },
      ],
    });
  }
  return { ...base, sections: [{ id: 'n-long', title: 'Claims', blocks }] };
}

async function pdfPages(style: 'chicago' | 'harvard'): Promise<{ pages: string[]; info: string }> {
  const result = (await notebook.host.export.run({ report: longReport(), format: 'pdf', options: { style } })) as ExportResult;
  const bytes = Buffer.from(result.base64, 'base64');
  const info = run('pdfinfo', ['-'], bytes);
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const pages: string[] = [];
  for (let p = 1; p <= count; p++) pages.push(run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), '-', '-'], bytes));
  return { pages, info };
}

function checkFootnotesAndNumbers(pages: string[]): void {
  expect(pages.length).toBeGreaterThan(2);
  // Where note k's number is printed: right after the full stop that follows Claim-k's text or citation.
  const callPage = new Map<number, number>();
  const notePages = new Map<number, number[]>();
  pages.forEach((page, i) => {
    for (let k = 1; k <= 30; k++) if (new RegExp(`(here|\\))\\.${k}(?!\\d)`).test(page)) callPage.set(k, i);
    for (const m of page.matchAll(/^\s*(\d+)\.\s+\S/gm)) notePages.set(Number(m[1]), [...(notePages.get(Number(m[1])) ?? []), i]);
    // The last line of every page is its number.
    const lines = page.split('\n').filter((l) => l.trim());
    expect(lines.at(-1)!.trim()).toBe(String(i + 1));
  });
  for (let k = 1; k <= 30; k++) {
    expect(callPage.has(k), `note number ${k} printed after its sentence`).toBe(true);
    // The note starts on the page of its number (a long note may run on to the next page).
    expect(notePages.get(k)?.[0], `note ${k} on the page of its number`).toBe(callPage.get(k));
  }
}

describe('PDF pages (Paged.js in the export Chromium)', () => {
  it('Chicago: every footnote on its reference’s page, every page numbered, US Letter for en-US', async () => {
    const { pages, info } = await pdfPages('chicago');
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    checkFootnotesAndNumbers(pages);
    // Note numbers follow the full stop (CMOS 14.26): "ends here.1", never "here1.".
    expect(pages.join(' ').replace(/\s+/g, ' ')).toMatch(/Claim-1 ends here\.1\b/);
  }, 180_000);

  it('Harvard: quote notes at the page foot too, A4 for en-GB', async () => {
    const { pages, info } = await pdfPages('harvard');
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    checkFootnotesAndNumbers(pages);
    expect(pages.join(' ').replace(/\s+/g, ' ')).toMatch(/Claim-1 ends here \(Taylor, no date, para\. 5\)\.1\b/);
  }, 180_000);
});
