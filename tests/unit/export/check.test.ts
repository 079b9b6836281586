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
  citations[4]!.status = 'review'; // the notes service flagged it after a new version
  citations[4]!.statusDetail = 'The passage was rewritten in the newer version.';
  return { ...report, citations };
}

describe('citation check before export', () => {
  it('verifies every quote of a sound report', async () => {
    const check = (await notebook.host.export.check({ report })) as CitationCheck;
    expect(check).toEqual({ citations: report.citations.length, verified: report.citations.length, problems: [] });
  });

  it('lists fabricated, misplaced, orphaned and flagged citations', async () => {
    const model = broken();
    const check = (await notebook.host.export.check({ report: model })) as CitationCheck;
    const byId = new Map(check.problems.map((p) => [p.citationId, p]));
    expect(check.problems).toHaveLength(4);
    expect(byId.get(model.citations[1]!.id)).toMatchObject({
      status: 'review',
      message: 'The quoted words are not in the pinned source text.',
    });
    expect(byId.get(model.citations[2]!.id)?.status).toBe('moved');
    expect(byId.get(model.citations[3]!.id)?.status).toBe('orphaned');
    expect(byId.get(model.citations[4]!.id)).toMatchObject({
      status: 'review',
      message: 'The passage was rewritten in the newer version.',
    });
    expect(check.verified).toBe(report.citations.length - 3);
    expect(byId.get(model.citations[1]!.id)?.sectionTitle).toBe('Mandate and reach');
  });

  it('still exports, and marks each problem visibly in every format', async () => {
    const model = broken();
    const label = /CITATION NEEDS REVIEW|CITATION MOVED|ORPHANED CITATION/g;
    const get = async (format: ExportFormat) =>
      Buffer.from(((await notebook.host.export.run({ report: model, format })) as ExportResult).base64, 'base64');
    const md = (await get('md')).toString();
    expect(md.match(label)).toHaveLength(4);
    const html = (await get('html')).toString();
    expect(html.match(/class="problem"/g)).toHaveLength(4);
    const docx = run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none'], await get('docx'));
    expect(docx.match(label)).toHaveLength(4);
    // Every citation is still there: none dropped for being wrong.
    expect((md.match(/^\[\^\d+\]: /gm) ?? []).length).toBe(model.citations.length);
  }, 120_000);

  it('rejects a report given with a citation that points nowhere, as orphaned', async () => {
    const model: ReportModel = {
      ...report,
      sections: [{ id: 'n-x', title: 'X', blocks: [{ kind: 'paragraph', content: [{ kind: 'cite', citationId: 'missing' }] }] }],
    };
    const check = (await notebook.host.export.check({ report: model })) as CitationCheck;
    expect(check.problems).toEqual([expect.objectContaining({ citationId: 'missing', status: 'orphaned' })]);
    const md = Buffer.from(((await notebook.host.export.run({ report: model, format: 'md' })) as ExportResult).base64, 'base64').toString();
    expect(md).toContain('ORPHANED CITATION');
  });

  it('refuses input that names both notes and a report, or neither', async () => {
    await expect(notebook.host.export.check({})).rejects.toThrow(/either noteIds or report/);
    await expect(notebook.host.export.check({ report, noteIds: ['n-abcd'] })).rejects.toThrow(/either noteIds or report/);
  });
});
