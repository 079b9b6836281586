import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationStyle, ReportModel, ResolvedReport, StyledRun } from '../../../src/shared/export';
import { runsToPlainText, toCslItem } from '../../../src/main/services/export/csl';
import { deriveShortTitle, workFromSource } from '../../../src/main/services/export/work';
import { freshNotebook } from '../helpers';
import { SAMPLE_SOURCES, seedReport } from './fixtures';

let notebook: ReturnType<typeof freshNotebook>;
let base: ReportModel;
beforeAll(async () => {
  notebook = freshNotebook();
  base = await seedReport(notebook);
});
afterAll(() => notebook.close());

function sampleReport(): ReportModel {
  const c = base.citations[0]!;
  const citations = SAMPLE_SOURCES.map((s, i) => ({ ...c, id: `c-${s.id}`, sourceId: s.id, paragraph: i + 2 }));
  return {
    ...base,
    sections: [
      {
        id: 'n-s',
        title: 'Sample',
        blocks: citations.map((x) => ({
          kind: 'paragraph' as const,
          content: [
            { kind: 'text' as const, text: 'Claim.' },
            { kind: 'cite' as const, citationId: x.id },
          ],
        })),
      },
    ],
    citations,
    sources: SAMPLE_SOURCES.map((s) => ({ ...s, fileName: null })),
  };
}

const preview = async (style: CitationStyle) =>
  (await notebook.host.export.preview({ report: sampleReport(), options: { style, includeQuotes: false } })) as ResolvedReport;
const entry = (r: ResolvedReport, start: string) => r.bibliography.find((b) => runsToPlainText(b).startsWith(start))!;
const italics = (runs: StyledRun[]) => runs.filter((r) => r.italic).map((r) => r.text.trim());

describe('sources as citable works', () => {
  it('maps site names to container-title, news to article-newspaper, PDFs to report', () => {
    const [news, web, pdf] = SAMPLE_SOURCES.map((s) => toCslItem(workFromSource(s), { forEngine: false }));
    expect(news).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Example Times',
      accessed: { 'date-parts': [[2024, 1, 2]] },
    });
    expect(news).not.toHaveProperty('publisher');
    expect(web).toMatchObject({ type: 'webpage', 'container-title': 'Minorstudy' });
    expect(pdf).toMatchObject({ type: 'report', publisher: 'Example Agency', issued: { 'date-parts': [[2023, 5]] } });
    expect(pdf).not.toHaveProperty('container-title');
  });

  it('derives short titles (CMOS 14.30): main title, at most four key words', () => {
    expect(deriveShortTitle('China spy agency widens remit as well as reach with WeChat social media account')).toBe(
      'China spy agency widens',
    );
    expect(deriveShortTitle('China: Ministry of State Security (MSS)')).toBe('China');
    expect(deriveShortTitle('The Last Best Hope of Earth')).toBe('Last Best Hope');
    expect(deriveShortTitle('Short title')).toBeNull();
  });

  it('APA italicises the newspaper (not the article) and a web page’s title (its site in roman); a report is dated by its year', async () => {
    const apa = await preview('apa');
    expect(runsToPlainText(entry(apa, 'Doe'))).toBe(
      'Doe, J. (2023, August 1). Spy agency widens its remit. Example Times. https://example.com/news/1',
    );
    expect(italics(entry(apa, 'Doe'))).toEqual(['Example Times']);
    expect(runsToPlainText(entry(apa, 'Minorstudy'))).toBe(
      'Minorstudy Web Team. (2024, December 15). Ministry of State Security (MSS). Minorstudy. https://example.org/mss',
    );
    expect(italics(entry(apa, 'Minorstudy'))).toEqual(['Ministry of State Security (MSS)']);
    expect(runsToPlainText(entry(apa, 'Annual report'))).toBe('Annual report on counter-espionage. (2023). Example Agency.');
    expect(italics(entry(apa, 'Annual report'))).toEqual(['Annual report on counter-espionage']);
  });

  it('Chicago prints the newspaper with its date, not as a book imprint', async () => {
    const chicago = await preview('chicago');
    expect(runsToPlainText(entry(chicago, 'Doe'))).toBe(
      'Doe, Jane. “Spy Agency Widens Its Remit.” Example Times, August 1, 2023. https://example.com/news/1.',
    );
    expect(italics(entry(chicago, 'Doe'))).toEqual(['Example Times']);
    expect(runsToPlainText(entry(chicago, 'Doe'))).not.toContain('(Example Times');
  });

  it('MLA and Harvard (en-GB) italicise the container; Harvard writes British dates and quotes', async () => {
    const mla = await preview('mla');
    expect(italics(entry(mla, 'Doe'))).toEqual(['Example Times']);
    const harvard = await preview('harvard');
    expect(harvard.locale).toBe('en-GB');
    expect(runsToPlainText(entry(harvard, 'Minorstudy'))).toContain('(Accessed: 5 January 2025)');
    expect(harvard.quoteMarks).toEqual({ open: '‘', close: '’', openInner: '“', closeInner: '”' });
  });
});
