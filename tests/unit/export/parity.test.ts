import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle, type ReportModel, type ResolvedReport } from '../../../src/shared/export';
import { sourcesToCslJson, type BibSource } from '../../../src/main/services/export/bibliography';
import { runsToPlainText } from '../../../src/main/services/export/csl';
import { styleFileFor } from '../../../src/main/services/export/csl-engine';
import { freshNotebook, RESOURCES, tempDir } from '../helpers';
import { SAMPLE_SOURCES, seedReport } from './fixtures';

// Parity with pandoc --citeproc (a second, independent CSL processor) for the same CSL-JSON and
// the same CSL files: every citation and bibliography entry, in all four styles. The deliberate
// differences (docs/export.md) are all outside the citation text, so none is normalised away.
let notebook: ReturnType<typeof freshNotebook>;
let base: ReportModel;
let sources: BibSource[];
let itemsFile: string;

beforeAll(async () => {
  notebook = freshNotebook();
  base = await seedReport(notebook);
  sources = [
    ...SAMPLE_SOURCES,
    ...base.sources.map((s) => ({ id: `p-${s.id}`, mediaType: s.mediaType, metadata: s.metadata, accessed: '2026-11-20' })),
  ];
  itemsFile = path.join(tempDir('sourcebook-parity-'), 'items.json');
  fs.writeFileSync(itemsFile, JSON.stringify(sourcesToCslJson(sources)));
});
afterAll(() => notebook.close());

/** First and later citations of the same works, with paragraph and page locators. */
const PLAN = [
  [0, 'para', 2],
  [1, 'para', 3],
  [3, 'para', 4],
  [0, 'para', 5],
  [2, 'p', 6],
  [4, 'para', 7],
  [5, 'para', 8],
  [6, 'para', 9],
  [3, 'p', 10],
] as const;

const normalise = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

function ours(style: CitationStyle, includeBibliography: boolean): Promise<ResolvedReport> {
  const c0 = base.citations[0]!;
  const citations = PLAN.map(([i, label, n], k) => ({
    ...c0,
    id: `c${k}`,
    sourceId: sources[i]!.id,
    paragraph: label === 'para' ? n : null,
    page: label === 'p' ? n : null,
  }));
  const model: ReportModel = {
    ...base,
    sections: [
      {
        id: 's',
        title: 'S',
        blocks: citations.map((c) => ({
          kind: 'paragraph',
          content: [
            { kind: 'text', text: 'Claim' },
            { kind: 'cite', citationId: c.id },
          ],
        })),
      },
    ],
    citations,
    sources: sources.map((s) => ({ ...s, accessed: s.accessed ?? null, fileName: null })),
  };
  return notebook.host.export.preview({
    report: model,
    options: { style, includeQuotes: false, includeBibliography },
  }) as Promise<ResolvedReport>;
}

function pandoc(style: CitationStyle, includeBibliography: boolean, locale: string): { citations: string[]; bibliography: string[] } {
  const md = PLAN.map(([i, label, n]) => `Claim [@${sources[i]!.id}, ${label}. ${n}]`).join('\n\n');
  const csl = path.join(RESOURCES, 'csl', styleFileFor(style, includeBibliography));
  const args = ['-f', 'markdown', '-t', 'plain', '--wrap=none', '--citeproc', '--csl', csl, '--bibliography', itemsFile];
  const out = execFileSync('pandoc', [...args, '-M', `lang=${locale}`, '-M', 'notes-after-punctuation=false'], {
    input: md,
    encoding: 'utf8',
  });
  const lines = out.split('\n').filter((l) => l.trim());
  const claims = lines.filter((l) => l.startsWith('Claim'));
  const notes = lines.filter((l) => /^\[\d+\] /.test(l));
  const citations = notes.length ? notes.map((l) => l.replace(/^\[\d+\] /, '')) : claims.map((l) => l.replace(/^Claim /, ''));
  const bibliography = lines.filter((l) => !l.startsWith('Claim') && !/^\[\d+\] /.test(l));
  return { citations: citations.map(normalise), bibliography: includeBibliography ? bibliography.map(normalise) : [] };
}

describe('parity with pandoc --citeproc for the same CSL-JSON and CSL files', () => {
  it.each(CITATION_STYLES)(
    '%s: the same citations and bibliography',
    async (style) => {
      const resolved = await ours(style, true);
      const theirs = pandoc(style, true, resolved.locale);
      const citations = resolved.marks.map((m, k) => normalise(runsToPlainText(m.inText ?? resolved.notes[k]!.citation)));
      expect(citations).toEqual(theirs.citations);
      expect(resolved.bibliography.map((b) => normalise(runsToPlainText(b)))).toEqual(theirs.bibliography);
    },
    120_000,
  );

  it('Chicago without a bibliography (full first notes): the same notes', async () => {
    const resolved = await ours('chicago', false);
    const theirs = pandoc('chicago', false, resolved.locale);
    expect(resolved.notes.map((n) => normalise(runsToPlainText(n.citation)))).toEqual(theirs.citations);
  }, 120_000);
});
