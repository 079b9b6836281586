import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, CitationCheck, ExportResult, ReportModel } from '../../../src/shared/export';
import { freshNotebook } from '../helpers';
import { run, seedReport } from './fixtures';

let notebook: ReturnType<typeof freshNotebook>;
let report: ReportModel;

beforeAll(async () => {
  notebook = freshNotebook();
  report = await seedReport(notebook);
});
afterAll(() => notebook.close());

/** A copy of the report with some citations broken in the ways the check must catch. */
function broken(): ReportModel {
  const citations = report.citations.map((c) => ({ ...c }));
  citations[1]!.quote = citations[1]!.quote.replace(/\w+/, 'Fabricated'); // words the source never had
  citations[2]!.start += 1; // right words, wrong place
  citations[2]!.end += 1;
  citations[3]!.versionId = 'v-0000000000000000'; // pinned text gone
  citations[4]!.status = 'changed'; // the notes service flagged it after a new version: not yet reviewed
  citations[4]!.statusDetail = 'The passage was rewritten in the newer version.';
  citations[5]!.textSha256 = 'f'.repeat(64); // the stored text no longer hashes as it did when cited
  return { ...report, citations };
}

describe('citation check before export', () => {
  it('verifies every quote of a sound report', async () => {
    const check = (await notebook.host.export.check({ report })) as CitationCheck;
    expect(check).toEqual({ citations: report.citations.length, verified: report.citations.length, problems: [] });
  });

  it('lists fabricated, misplaced, missing, altered and undecided citations', async () => {
    const model = broken();
    const check = (await notebook.host.export.check({ report: model })) as CitationCheck;
    const byId = new Map(check.problems.map((p) => [p.citationId, p]));
    expect(check.problems).toHaveLength(5);
    expect(byId.get(model.citations[1]!.id)).toMatchObject({
      status: 'unverified',
      message: 'The quoted words are not in the pinned source text.',
    });
    expect(byId.get(model.citations[2]!.id)).toMatchObject({ status: 'unverified', message: /not at their recorded place/ });
    expect(byId.get(model.citations[3]!.id)).toMatchObject({ status: 'unverified', message: /no longer in the notebook/ });
    expect(byId.get(model.citations[4]!.id)).toMatchObject({
      status: 'changed',
      message: 'Not yet reviewed: The passage was rewritten in the newer version.',
    });
    expect(byId.get(model.citations[5]!.id)).toMatchObject({ status: 'altered', message: /changed after it was cited/ });
    expect(check.verified).toBe(report.citations.length - 4);
    expect(byId.get(model.citations[1]!.id)?.sectionTitle).toBe('Mandate and reach');
  });

  it('still exports, and marks each problem visibly in every format', async () => {
    const model = broken();
    const label = /CITATION NOT YET REVIEWED|QUOTE NOT VERIFIED|SOURCE TEXT ALTERED/g;
    const get = async (format: ExportFormat) =>
      Buffer.from(((await notebook.host.export.run({ report: model, format })) as ExportResult).base64, 'base64');
    const md = (await get('md')).toString();
    expect(md.match(label)).toHaveLength(5);
    const html = (await get('html')).toString();
    expect(html.match(/class="problem"/g)).toHaveLength(5);
    const docx = run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none'], await get('docx'));
    expect(docx.match(label)).toHaveLength(5);
    // Every citation is still there: none dropped for being wrong.
    expect((md.match(/^\[\^\d+\]: /gm) ?? []).length).toBe(model.citations.length);
  }, 120_000);

  it('reports stored text changed outside the quote since it was cited', async () => {
    const fresh = freshNotebook();
    try {
      const model = await seedReport(fresh);
      const cited = model.citations[0]!;
      // Someone edits the stored text after citing, away from the quote: the quote still reads right.
      fresh.db.prepare(`UPDATE source_version SET text = text || ' (edited)' WHERE id = ?`).run(cited.versionId);
      const check = (await fresh.host.export.check({ report: model })) as CitationCheck;
      const problem = check.problems.find((p) => p.citationId === cited.id);
      expect(problem).toMatchObject({ status: 'altered' });
      expect(problem!.message).toContain(cited.textSha256!.slice(0, 12));
    } finally {
      fresh.close();
    }
  });

  it('flags a report given with a citation that points nowhere, as not verified', async () => {
    const model: ReportModel = {
      ...report,
      sections: [{ id: 'n-x', title: 'X', blocks: [{ kind: 'paragraph', content: [{ kind: 'cite', citationId: 'missing' }] }] }],
    };
    const check = (await notebook.host.export.check({ report: model })) as CitationCheck;
    expect(check.problems).toEqual([expect.objectContaining({ citationId: 'missing', status: 'unverified' })]);
    const md = Buffer.from(((await notebook.host.export.run({ report: model, format: 'md' })) as ExportResult).base64, 'base64').toString();
    expect(md).toContain('QUOTE NOT VERIFIED');
  });

  it('refuses input that names both notes and a report, or neither', async () => {
    await expect(notebook.host.export.check({})).rejects.toThrow(/either noteIds or report/);
    await expect(notebook.host.export.check({ report, noteIds: ['n-abcd'] })).rejects.toThrow(/either noteIds or report/);
  });
});
