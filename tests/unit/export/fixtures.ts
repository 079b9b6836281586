import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Notebook } from '../../../src/main/services/notebook';
import type { SourceDetail, SourceMetadata } from '../../../src/shared/domain';
import type { ReportCitation, ReportInline, ReportModel } from '../../../src/shared/export';
import type { z } from 'zod';
import { SourceMetadataSchema } from '../../../src/shared/sourceMetadata';

export const MARKUP_TITLE = 'On <script>alert("x")</script> & <i>*spies*</i> [link](http://evil.test) @cite $x$';
export const MARKUP_TEXT = 'Literal <b>not bold</b>, *not emphasis*, `tick`, [^9] and <img src=x onerror=alert(1)> &amp; # not a heading';

/** Picks real passages of the seed sources and quotes a sentence of each, exactly as pinned. */
export async function seedReport(notebook: Notebook, options: { citationsPerSource?: number; title?: string } = {}): Promise<ReportModel> {
  const perSource = options.citationsPerSource ?? 2;
  const sources = await Promise.all(
    ['seed-000', 'seed-001', 'seed-002', 'seed-004'].map((id) => notebook.host.sources.get({ id }) as Promise<SourceDetail>),
  );
  const citations: ReportCitation[] = [];
  for (const source of sources) {
    const text = notebook.repos.sources.version(source.versionId)!.text;
    const paragraphs = source.passages.filter((p) => p.kind === 'paragraph' && p.text.length > 80);
    for (const passage of paragraphs.slice(0, perSource)) {
      const raw = text.slice(passage.start, passage.end);
      const stop = raw.search(/\.\s/);
      const sentence = stop > 20 ? raw.slice(0, stop + 1) : raw;
      citations.push({
        id: `c-${source.id}-${passage.ordinal}`,
        sourceId: source.id,
        versionId: source.versionId,
        quote: sentence,
        start: passage.start,
        end: passage.start + sentence.length,
        paragraph: passage.ordinal,
        page: passage.page,
        status: 'current',
        textSha256: createHash('sha256').update(text).digest('hex'),
        statusDetail: null,
      });
    }
  }
  const cite = (c: ReportCitation): ReportInline => ({ kind: 'cite', citationId: c.id });
  const half = Math.ceil(citations.length / 2);
  return {
    title: options.title ?? 'The Ministry of State Security: a briefing',
    author: 'A. Analyst',
    date: '2026-11-24',
    sections: [
      {
        id: 'n-first',
        title: 'Mandate and reach',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              { kind: 'text', text: 'The agency is described as ' },
              { kind: 'text', text: 'ambitious', marks: ['italic'] },
              { kind: 'text', text: '.' },
              cite(citations[0]!),
            ],
          },
          { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Sources disagree' }] },
          {
            kind: 'list',
            ordered: false,
            items: citations.slice(1, half).map((c) => [{ kind: 'text', text: `Point from ${c.sourceId}` }, cite(c)]),
          },
        ],
      },
      {
        id: 'n-second',
        title: MARKUP_TITLE,
        blocks: [
          {
            kind: 'paragraph',
            content: [
              { kind: 'text', text: MARKUP_TEXT },
              { kind: 'text', text: 'bold words', marks: ['bold'] },
            ],
          },
          { kind: 'quote', content: [{ kind: 'text', text: 'A block quote with a citation.' }, cite(citations[half]!)] },
          {
            kind: 'list',
            ordered: true,
            items: citations.slice(half + 1).map((c) => [{ kind: 'text', text: `Numbered point, ${c.sourceId}` }, cite(c)]),
          },
          {
            kind: 'paragraph',
            content: [
              { kind: 'link', href: 'javascript:alert(1)', text: 'a bad link' },
              { kind: 'break' },
              { kind: 'link', href: 'https://example.org/a', text: 'a good link' },
            ],
          },
        ],
      },
    ],
    citations,
    sources: sources.map((s) => ({
      id: s.id,
      metadata: s.metadata,
      mediaType: 'text/plain',
      fileName: s.fileName,
      accessed: '2026-11-20',
    })),
  };
}

export function run(command: string, args: string[], input?: string | Buffer): string {
  return execFileSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A newspaper article, a web page with its site, and a PDF report: one of each mapping. */
const meta = (m: z.input<ReturnType<typeof SourceMetadataSchema>>): SourceMetadata => SourceMetadataSchema().parse(m);
export const SAMPLE_SOURCES = [
  {
    id: 'x-news',
    mediaType: 'text/html',
    metadata: meta({
      title: 'Spy agency widens its remit',
      authors: ['Jane Doe'],
      issued: '2023-08-01',
      publisher: 'Example Times',
      url: 'https://example.com/news/1',
    }),
    accessed: '2024-01-02',
  },
  {
    id: 'x-web',
    mediaType: 'text/html',
    metadata: meta({
      title: 'Ministry of State Security (MSS)',
      authors: ['Minorstudy Web Team'],
      issued: '2024-12-15',
      publisher: 'Minorstudy',
      url: 'https://example.org/mss',
    }),
    accessed: '2025-01-05',
  },
  {
    id: 'x-pdf',
    mediaType: 'application/pdf',
    metadata: meta({ title: 'Annual report on counter-espionage', issued: '2023-05', publisher: 'Example Agency' }),
    accessed: '2025-02-03',
  },
];
