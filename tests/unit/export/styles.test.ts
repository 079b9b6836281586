import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle, type ExportOptions, type ReportModel, type ResolvedReport } from '../../../src/shared/export';
import { htmlToRuns, runsToPlainText } from '../../../src/main/services/export/csl';
import { freshNotebook } from '../helpers';
import { MARKUP_TITLE, seedReport } from './fixtures';

let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;

beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
});
afterAll(() => notebook.close());

const preview = async (model: ReportModel, style: CitationStyle, extra: Partial<ExportOptions> = {}) =>
  (await notebook.host.export.preview({ report: model, options: { style, ...extra } })) as ResolvedReport;

function allText(r: ResolvedReport): string {
  return [
    ...r.notes.map((n) => runsToPlainText(n.citation)),
    ...r.marks.map((m) => runsToPlainText(m.inText ?? [])),
    ...r.bibliography.map(runsToPlainText),
  ].join('\n');
}

/** A source the texts say almost nothing about: no author, date, publisher or title. */
function bareReport(): ReportModel {
  const first = report.citations[0]!;
  const source = report.sources.find((s) => s.id === first.sourceId)!;
  // A model source that is not in the store keeps its own (empty) metadata.
  return {
    ...report,
    sections: [
      {
        id: 'n-bare',
        title: 'Bare',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              { kind: 'text', text: 'Claim.' },
              { kind: 'cite', citationId: first.id },
            ],
          },
        ],
      },
    ],
    citations: [{ ...first, sourceId: 'unknown-src' }],
    sources: [
      {
        ...source,
        id: 'unknown-src',
        accessed: null,
        metadata: { title: null, authors: [], issued: null, publisher: null, url: null, note: null },
      },
    ],
  };
}

describe('citation styles (citeproc-js with the shipped CSL files)', () => {
  it.each(CITATION_STYLES)('%s formats every citation with a paragraph locator and a bibliography', async (style) => {
    const resolved = await preview(report, style);
    const text = allText(resolved);
    expect(text).not.toMatch(/undefined|null|\[object|NaN/);
    // MLA 9 abbreviates paragraph "par." (its style's own term); the others "para.".
    expect(text).toMatch(style === 'mla' ? /\(Taylor, par\. 4\)/ : /para\. 4/);
    expect(resolved.bibliography).toHaveLength(report.sources.length);
    expect(text).toContain('Taylor');
  });

  it('Chicago puts citations in notes with short forms after the first; APA cites in the text', async () => {
    const chicago = await preview(report, 'chicago');
    expect(chicago.notes).toHaveLength(report.citations.length);
    // CMOS 18 shortened notes: author and short title (the main title without its subtitle, 14.30).
    expect(runsToPlainText(chicago.notes[0]!.citation)).toBe('Taylor, “China,” para. 4.');
    expect(runsToPlainText(chicago.notes[1]!.citation)).toBe('Taylor, “China,” para. 5.');
    const apa = await preview(report, 'apa', { includeQuotes: false });
    expect(apa.notes).toHaveLength(0);
    expect(runsToPlainText(apa.marks[0]!.inText!)).toBe('(Taylor, n.d., para. 4)');
    expect(runsToPlainText(apa.bibliography.find((b) => runsToPlainText(b).startsWith('Minorstudy'))!)).toBe(
      'Minorstudy Web Team. (2024, December 15). Ministry of State Security (MSS).',
    );
  });

  it('Chicago without a bibliography gives full first notes', async () => {
    const resolved = await preview(report, 'chicago', { includeBibliography: false });
    expect(resolved.bibliography).toHaveLength(0);
    expect(runsToPlainText(resolved.notes[0]!.citation)).toBe('Brianna Taylor, “China: Ministry of State Security (MSS),” para. 4.');
    expect(runsToPlainText(resolved.notes[1]!.citation)).toBe('Taylor, “China,” para. 5.');
  });

  it('cites pages for paged sources', async () => {
    const paged = { ...report, citations: report.citations.map((c) => ({ ...c, page: 12 })) };
    const resolved = await preview(paged, 'chicago');
    // Chicago cites a page by its bare number.
    expect(runsToPlainText(resolved.notes[0]!.citation)).toBe('Taylor, “China,” 12.');
    expect(runsToPlainText((await preview(paged, 'apa')).marks[0]!.inText!)).toBe('(Taylor, n.d., p. 12)');
    expect(runsToPlainText((await preview(paged, 'mla')).marks[0]!.inText!)).toBe('(Taylor 12)');
    expect(runsToPlainText((await preview(paged, 'harvard')).marks[0]!.inText!)).toBe('(Taylor, no date, p. 12)');
  });

  it('degrades gracefully when metadata is unknown', async () => {
    for (const style of CITATION_STYLES) {
      const text = allText(await preview(bareReport(), style));
      expect(text).not.toMatch(/undefined|null|\[object|NaN|unknown/i);
      expect(text).toMatch(/Untitled source/i);
    }
    // MLA leaves an unknown date out; it never prints "n.d.".
    expect(allText(await preview(bareReport(), 'mla'))).not.toContain('n.d.');
    expect(allText(await preview(report, 'mla'))).not.toContain('n.d.');
  });

  it('prints markup in a source title as text', async () => {
    const model = {
      ...report,
      sources: report.sources.map((s) => ({ ...s, id: `x-${s.id}`, metadata: { ...s.metadata, title: MARKUP_TITLE } })),
      citations: report.citations.map((c) => ({ ...c, sourceId: `x-${c.sourceId}` })),
    };
    for (const style of CITATION_STYLES) {
      const resolved = await preview(model, style);
      // Styles may title-case a title; they must never read it as markup.
      expect(
        resolved.bibliography.some((b) =>
          /<script>alert\(.x.\)<\/script> & <i>\*spies\*<\/i> \[link\]\(http:\/\/evil\.test\) @cite \$x\$/i.test(runsToPlainText(b)),
        ),
      ).toBe(true);
      expect(resolved.bibliography.flat().some((r) => r.text.includes('spies') && r.italic && r.bold)).toBe(false);
    }
  });

  it('parses citeproc HTML into runs, entities decoded, styles kept', () => {
    expect(htmlToRuns('<i>Title &#38; more</i>, <span style="font-variant:small-caps;">sc</span> &#60;b&#62;')).toEqual([
      { text: 'Title & more', italic: true },
      { text: ', ' },
      { text: 'sc', smallCaps: true },
      { text: ' <b>' },
    ]);
  });
});
