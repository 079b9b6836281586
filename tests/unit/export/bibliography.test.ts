import fs from 'node:fs';
import path from 'node:path';
import CSL from 'citeproc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../src/shared/domain';
import { sourcesToBibtex, sourcesToCslJson, sourcesToRis } from '../../../src/main/services/export/bibliography';
import { freshNotebook, RESOURCES } from '../helpers';
import { MARKUP_TITLE, run, SAMPLE_SOURCES } from './fixtures';
import { emptySourceMetadata, SourceMetadataSchema } from '../../../src/shared/sourceMetadata';

let notebook: ReturnType<typeof freshNotebook>;
let seeds: SourceSummary[];

beforeAll(async () => {
  notebook = freshNotebook();
  seeds = (await notebook.host.sources.list({})) as SourceSummary[];
});
afterAll(() => notebook.close());

const bibliography = async (input: Parameters<typeof notebook.host.export.bibliography>[0]) =>
  (await notebook.host.export.bibliography(input)) as { text: string; count: number; fileName: string };

const tricky = [
  {
    id: 'tricky',
    mediaType: 'text/html',
    metadata: SourceMetadataSchema().parse({
      title: MARKUP_TITLE + ' {braces} 100% #1 a_b ~x^',
      authors: ['Ada Lovelace', 'Acme Research Group'],
      issued: '2021-03',
      publisher: 'P & Q',
      url: 'https://example.org/a b',
      note: null,
    }),
  },
  {
    id: 'bare',
    mediaType: 'application/pdf',
    metadata: emptySourceMetadata(),
  },
];

describe('bibliography export', () => {
  it('CSL-JSON of all seed sources is accepted by citeproc-js', async () => {
    const { text, count, fileName } = await bibliography({ format: 'csljson' });
    expect(count).toBe(seeds.length);
    expect(fileName).toBe('bibliography.json');
    const items = JSON.parse(text) as { id: string; title?: string }[];
    expect(items.map((i) => i.id)).toEqual(seeds.map((s) => s.id));
    const byId = new Map(items.map((i) => [i.id, i]));
    const engine = new CSL.Engine(
      {
        retrieveLocale: () => fs.readFileSync(path.join(RESOURCES, 'csl/locales-en-US.xml'), 'utf8'),
        retrieveItem: (id: string) => byId.get(id) as Record<string, unknown>,
      },
      fs.readFileSync(path.join(RESOURCES, 'csl/apa.csl'), 'utf8'),
    );
    engine.updateItems(items.map((i) => i.id));
    const made = engine.makeBibliography();
    expect(made && made[1]).toHaveLength(seeds.length);
    expect(JSON.stringify(made)).toContain('Minorstudy Web Team. (2024, December 15)');
    expect(text).not.toMatch(/undefined|null/);
  });

  it('BibTeX parses with pandoc and keeps titles, authors and dates', async () => {
    const { text } = await bibliography({ format: 'bibtex', sourceIds: ['seed-001', 'seed-004'] });
    const csl = JSON.parse(run('pandoc', ['-f', 'bibtex', '-t', 'csljson'], text)) as {
      title: string;
      author?: { family?: string; literal?: string }[];
      issued?: unknown;
    }[];
    expect(csl).toHaveLength(2);
    expect(csl[0]).toMatchObject({
      title: 'Ministry of State Security (MSS)',
      author: [{ literal: 'Minorstudy Web Team' }],
      issued: { 'date-parts': [[2024, 12, 15]] },
    });
    expect(csl[1]).toMatchObject({ author: [{ family: 'Camarena', given: 'Joaquin' }] });
  });

  it('BibTeX escapes special characters so the title reads back exactly', () => {
    const csl = JSON.parse(run('pandoc', ['-f', 'bibtex', '-t', 'csljson'], sourcesToBibtex(tricky))) as {
      title?: string;
      author?: unknown[];
      publisher?: string;
    }[];
    expect(csl[0]!.title).toBe(tricky[0]!.metadata.title);
    expect(csl[0]!.author).toEqual([{ family: 'Lovelace', given: 'Ada' }, { literal: 'Acme Research Group' }]);
    expect(csl[0]!.publisher).toBe('P & Q');
    expect(csl[1]!.title).toBeUndefined();
  });

  it('RIS has the required tags, one record per source', async () => {
    const { text } = await bibliography({ format: 'ris' });
    const records = text.split('\r\n\r\n').filter((r) => r.trim());
    expect(records).toHaveLength(seeds.length);
    for (const record of records) {
      const lines = record.split('\r\n').filter((l) => l.length > 0);
      expect(lines[0]).toMatch(/^TY {2}- (ELEC|NEWS|RPRT|GEN)$/);
      expect(lines.at(-1)).toBe('ER  - ');
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(record).toMatch(/\r\nTI {2}- \S/);
    }
    expect(text).toContain('AU  - Taylor, Brianna');
    expect(text).toContain('DA  - 2024/12/15/');
  });

  it('leaves unknown metadata out of every format rather than writing placeholders', () => {
    for (const text of [
      JSON.stringify(sourcesToCslJson(tricky.slice(1))),
      sourcesToBibtex(tricky.slice(1)),
      sourcesToRis(tricky.slice(1)),
    ]) {
      expect(text).not.toMatch(/undefined|null|unknown|n\.d\.|Untitled/i);
    }
  });

  it('says which source id does not exist', async () => {
    await expect(bibliography({ format: 'ris', sourceIds: ['seed-999'] })).rejects.toThrow('No source with id "seed-999".');
  });
});

describe('bibliography round trips (what the report printed survives)', () => {
  const news = SAMPLE_SOURCES[0]!;
  type Csl = Record<string, unknown> & { id: string };
  const byId = (items: Csl[]) => new Map(items.map((i) => [i.id, i]));

  it('CSL-JSON read back by pandoc keeps type, container, access date and short title', () => {
    const written = sourcesToCslJson(SAMPLE_SOURCES);
    const read = byId(JSON.parse(run('pandoc', ['-f', 'csljson', '-t', 'csljson'], JSON.stringify(written))) as Csl[]);
    for (const item of written) expect(read.get(item.id)).toMatchObject(item as unknown as Record<string, unknown>);
    expect(read.get('x-news')).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Example Times',
      accessed: { 'date-parts': [[2024, 1, 2]] },
    });
  });

  it('BibTeX read back by pandoc keeps the entry types, container, institution and urldate', () => {
    const bib = sourcesToBibtex(SAMPLE_SOURCES);
    expect(bib).toContain('@article{doe2023,\n  entrysubtype = {newspaper},');
    expect(bib).toContain('urldate = {2024-01-02}');
    const read = byId(JSON.parse(run('pandoc', ['-f', 'biblatex', '-t', 'csljson'], bib)) as Csl[]);
    const keys = [...read.keys()];
    const [newsItem, webItem, pdfItem] = keys.map((k) => read.get(k)!);
    expect(newsItem).toMatchObject({
      type: 'article-newspaper',
      title: news.metadata.title,
      'container-title': 'Example Times',
      author: [{ family: 'Doe', given: 'Jane' }],
      issued: { 'date-parts': [[2023, 8, 1]] },
      accessed: { 'date-parts': [[2024, 1, 2]] },
      URL: news.metadata.url,
    });
    // biblatex keeps a web page's site in `organization`, which pandoc reads as publisher (docs/export.md).
    expect(webItem).toMatchObject({ type: 'webpage', publisher: 'Minorstudy', accessed: { 'date-parts': [[2025, 1, 5]] } });
    expect(pdfItem).toMatchObject({ type: 'report', publisher: 'Example Agency', issued: { 'date-parts': [[2023, 5]] } });
  });

  it('RIS read back (citation-js, as pandoc 2.17 has no RIS reader) keeps T2, Y2 and the types', async () => {
    const ris = sourcesToRis(SAMPLE_SOURCES);
    expect(ris).toContain('TY  - NEWS\r\nID  - x-news');
    expect(ris).toContain('T2  - Example Times');
    expect(ris).toContain('Y2  - 2024/01/02/');
    expect(ris).toContain('TY  - RPRT');
    // @ts-expect-error -- citation-js ships no type declarations
    const { Cite } = (await import('@citation-js/core')) as { Cite: new (input: string) => { data: Csl[] } };
    // @ts-expect-error -- as above
    await import('@citation-js/plugin-ris');
    const read = byId(new Cite(ris).data);
    expect(read.get('x-news')).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Example Times',
      accessed: { 'date-parts': [[2024, 1, 2]] },
    });
    // citation-js follows the 2011 RIS table, where ELEC's T2 is a collection and its access date sits
    // in M1/VL; Zotero, the reader the issue names, reads T2 as the website and Y2 as the access date.
    expect(read.get('x-web')).toMatchObject({ type: 'webpage', 'collection-title': 'Minorstudy', URL: 'https://example.org/mss' });
    expect(read.get('x-pdf')).toMatchObject({ type: 'report', publisher: 'Example Agency' });
  });

  it('exports of the notebook carry the access date the report prints', async () => {
    const csl = JSON.parse((await bibliography({ format: 'csljson', sourceIds: ['seed-000'] })).text) as Csl[];
    expect(csl[0]!.accessed).toMatchObject({ 'date-parts': [[expect.any(Number), expect.any(Number), expect.any(Number)]] });
    expect((await bibliography({ format: 'bibtex', sourceIds: ['seed-000'] })).text).toMatch(/urldate = \{\d{4}-\d{2}-\d{2}\}/);
    expect((await bibliography({ format: 'ris', sourceIds: ['seed-000'] })).text).toMatch(/Y2 {2}- \d{4}\/\d{2}\/\d{2}\//);
  });
});

describe("a source's tags in bibliography files", () => {
  it('travel as keywords in CSL-JSON, BibTeX and RIS, and read back as written (pandoc, citation-js)', async () => {
    const own = freshNotebook();
    try {
      // Tags hold no commas (sources.tag refuses them), so a comma-joined keyword list is unambiguous.
      const tags = ['state security', 'R&D', "China's MSS", '#cyber_law', 'law:2023/07'];
      // The library keeps them in its own order (sorted); the files follow it.
      const stored = ((await own.host.sources.tag({ sourceId: 'seed-001', tags })) as SourceSummary).tags;
      expect([...stored].sort()).toEqual([...tags].sort());
      const text = async (format: 'csljson' | 'bibtex' | 'ris') =>
        ((await own.host.export.bibliography({ format, sourceIds: ['seed-001', 'seed-004'] })) as { text: string }).text;

      const csl = JSON.parse(await text('csljson')) as { id: string; keyword?: string }[];
      expect(csl.find((i) => i.id === 'seed-001')?.keyword).toBe(stored.join(', '));
      // An untagged source carries no keyword field at all.
      expect(csl.find((i) => i.id === 'seed-004')).not.toHaveProperty('keyword');

      const fromBibtex = JSON.parse(run('pandoc', ['-f', 'biblatex', '-t', 'csljson'], await text('bibtex'))) as { keyword?: string }[];
      // pandoc's reader makes typewriter apostrophes typographic; the file holds the tag as typed.
      expect(fromBibtex.map((i) => i.keyword?.replace(/\u2019/g, "'")).filter(Boolean)).toEqual([stored.join(', ')]);

      const ris = await text('ris');
      expect(ris.split('\r\n').filter((l) => l.startsWith('KW  - '))).toEqual(stored.map((t) => `KW  - ${t}`));
      // @ts-expect-error -- citation-js ships no type declarations
      const { Cite } = (await import('@citation-js/core')) as { Cite: new (input: string) => { data: { keyword?: string }[] } };
      // @ts-expect-error -- as above
      await import('@citation-js/plugin-ris');
      expect(new Cite(ris).data.map((i) => i.keyword).filter(Boolean)).toEqual([stored.join(',')]);
    } finally {
      own.close();
    }
  });
});
