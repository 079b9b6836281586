import fs from 'node:fs';
import path from 'node:path';
import CSL from 'citeproc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../src/shared/domain';
import { sourcesToBibtex, sourcesToCslJson, sourcesToRis } from '../../../src/main/services/export/bibliography';
import { freshNotebook, RESOURCES } from '../helpers';
import { MARKUP_TITLE, run } from './fixtures';

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
    metadata: {
      title: MARKUP_TITLE + ' {braces} 100% #1 a_b ~x^',
      authors: ['Ada Lovelace', 'Acme Research Group'],
      issued: '2021-03',
      publisher: 'P & Q',
      url: 'https://example.org/a b',
      note: null,
    },
  },
  {
    id: 'bare',
    mediaType: 'application/pdf',
    metadata: { title: null, authors: [], issued: null, publisher: null, url: null, note: null },
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
      expect(lines[0]).toMatch(/^TY {2}- (ELEC|GEN)$/);
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
