import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationStyle, ReportModel, ResolvedReport } from '../../../src/shared/export';
import { runsToPlainText } from '../../../src/main/services/export/csl';
import { displayName, parseAuthorList, parseName } from '../../../src/shared/names';
import { SourceMetadataSchema } from '../../../src/shared/sourceMetadata';
import { freshNotebook } from '../helpers';
import { seedReport } from './fixtures';

describe('author names, parsed with care', () => {
  it('recognises family-name-first names, suffixes, particles and organisations', () => {
    expect(parseName('Xie Maosong')).toEqual({ family: 'Xie', given: 'Maosong', familyFirst: true });
    expect(parseName('Chiang Kai-shek')).toEqual({ family: 'Chiang', given: 'Kai-shek', familyFirst: true });
    expect(parseName('谢茂松')).toEqual({ family: '谢', given: '茂松', familyFirst: true });
    expect(parseName('Martin Luther King Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(parseName('King, Martin Luther, Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(parseName('Ursula von der Leyen')).toEqual({ family: 'Leyen', given: 'Ursula', 'non-dropping-particle': 'von der' });
    expect(parseName('Ministry of State Security')).toEqual({ literal: 'Ministry of State Security' });
    expect(parseName('Brianna Taylor')).toEqual({ family: 'Taylor', given: 'Brianna' });
    // A Western given name is never read as a family name.
    expect(parseName('Jane Lee')).toEqual({ family: 'Lee', given: 'Jane' });
  });

  it('splits bylines into names without breaking an inverted name', () => {
    expect(parseAuthorList('Jane Doe, John Smith and Xie Maosong').map(displayName)).toEqual(['Jane Doe', 'John Smith', 'Xie Maosong']);
    expect(parseAuthorList('King, Martin Luther, Jr.')).toHaveLength(1);
  });

  it('reads authors stored as strings (older notebooks) as parsed names', () => {
    expect(SourceMetadataSchema().parse({ authors: ['Xie Maosong'] }).authors).toEqual([
      { family: 'Xie', given: 'Maosong', familyFirst: true },
    ]);
  });
});

let notebook: ReturnType<typeof freshNotebook>;
let base: ReportModel;
beforeAll(async () => {
  notebook = freshNotebook();
  base = await seedReport(notebook);
});
afterAll(() => notebook.close());

const PEOPLE = ['Xie Maosong', 'Martin Luther King Jr.', 'Ursula von der Leyen'];

function peopleReport(): ReportModel {
  const c = base.citations[0]!;
  const sources = PEOPLE.map((name, i) => ({
    id: `x-${i}`,
    mediaType: 'application/pdf',
    fileName: null,
    accessed: '2025-01-01',
    metadata: SourceMetadataSchema().parse({ title: `Work ${i}`, authors: [name], issued: '2020', publisher: 'Press' }),
  }));
  const citations = sources.map((s, i) => ({ ...c, id: `c-${i}`, sourceId: s.id, paragraph: i + 1 }));
  const blocks = citations.map((x) => ({
    kind: 'paragraph' as const,
    content: [
      { kind: 'text' as const, text: 'Claim.' },
      { kind: 'cite' as const, citationId: x.id },
    ],
  }));
  return { ...base, sections: [{ id: 'n-p', title: 'People', blocks }], citations, sources };
}

const bibliography = async (style: CitationStyle) => {
  const report = (await notebook.host.export.preview({
    report: peopleReport(),
    options: { style, includeQuotes: false },
  })) as ResolvedReport;
  return report.bibliography.map(runsToPlainText);
};

describe('names in the styles', () => {
  it('APA inverts every person with initials: "Xie, M.", "King, M. L., Jr."', async () => {
    const entries = await bibliography('apa');
    expect(entries.some((e) => e.startsWith('Xie, M. (2020)'))).toBe(true);
    expect(entries.some((e) => e.startsWith('King, M. L., Jr. (2020)'))).toBe(true);
    expect(entries.some((e) => e.includes('Maosong, X.'))).toBe(false);
    expect(entries.some((e) => e.includes('Jr., M.'))).toBe(false);
  }, 120_000);

  it('Chicago keeps a family-first name in its order without a comma, and sorts von der Leyen under L', async () => {
    const entries = await bibliography('chicago');
    expect(entries.some((e) => e.startsWith('Xie Maosong.'))).toBe(true);
    expect(entries.some((e) => e.startsWith('King, Martin Luther, Jr.'))).toBe(true);
    const leyen = entries.findIndex((e) => e.includes('Leyen'));
    expect(entries[leyen]).toMatch(/^Leyen, Ursula von der\./);
    // King < Leyen < Xie.
    expect(entries.map((e) => e[0])).toEqual(['K', 'L', 'X']);
  }, 120_000);
});
