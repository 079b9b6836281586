import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CitationCheck, ExportResult, ResolvedReport } from '../../../src/shared/export';
import { freshNotebook } from '../helpers';
import { addEditedVersion, cite, citationNode, doc, noteCiting, noteLinkNode, paragraph, text } from '../notes/helpers';
import { run } from './fixtures';

let notebook: ReturnType<typeof freshNotebook>;
beforeEach(() => void (notebook = freshNotebook()));
afterEach(() => notebook.close());

const heading = (words: string, tag = 'h2') => ({
  type: 'heading',
  version: 1,
  tag,
  direction: null,
  format: '',
  indent: 0,
  children: [text(words)],
});

describe('exporting notes', () => {
  it('maps notes, in the order given, to a report with one note per citation', async () => {
    const a = await cite(notebook, 'seed-000', 'There are few intelligence agencies with a more ambitious agenda');
    const b = await cite(notebook, 'seed-001', 'Ministry of State Security');
    const first = await noteCiting(notebook, 'First <b>note</b>', a);
    const second = await notebook.host.notes.create({ title: 'Second note' });
    await notebook.host.notes.save({
      id: second.id,
      document: doc(heading('Findings'), paragraph(text('Bold', 1), text(' claim'), citationNode(b), text(' and again'), citationNode(a))),
    });

    const preview = (await notebook.host.export.preview({ noteIds: [second.id, first.id], title: 'Combined' })) as ResolvedReport;
    expect(preview.title).toBe('Combined');
    expect(preview.sections.map((s) => s.title)).toEqual(['Second note', 'First <b>note</b>']);
    expect(preview.notes).toHaveLength(3);
    expect(preview.check).toMatchObject({ citations: 3, verified: 3, problems: [] });

    const md = Buffer.from(
      ((await notebook.host.export.run({ noteIds: [second.id, first.id], format: 'md' })) as ExportResult).base64,
      'base64',
    ).toString();
    expect((run('pandoc', ['-f', 'markdown', '-t', 'json'], md).match(/"t":"Note"/g) ?? []).length).toBe(3);
    expect(md).toContain('## First \\<b\\>note\\</b\\>');
    expect(md).toContain('**Bold**');
    const docx = (await notebook.host.export.run({ noteIds: [first.id], format: 'docx' })) as ExportResult;
    expect(docx.fileName).toBe('First b note b.docx');
    expect(run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none'], Buffer.from(docx.base64, 'base64'))).toContain(
      'There are few intelligence agencies with a more ambitious agenda',
    );
  }, 120_000);

  it('lists citations the notes service flagged after a source changed, and marks them', async () => {
    const quote = 'There are few intelligence agencies with a more ambitious agenda';
    const note = await noteCiting(notebook, 'Flagged', await cite(notebook, 'seed-000', quote));
    addEditedVersion(notebook, 'seed-000', (t) => t.replace(quote, 'Some agencies have modest goals'));
    await notebook.host.notes.reanchor({ sourceId: 'seed-000' });
    const check = (await notebook.host.export.check({ noteIds: [note.id] })) as CitationCheck;
    expect(check.problems).toHaveLength(1);
    expect(['review', 'orphaned']).toContain(check.problems[0]!.status);
    const html = Buffer.from(
      ((await notebook.host.export.run({ noteIds: [note.id], format: 'html' })) as ExportResult).base64,
      'base64',
    ).toString();
    expect(html).toMatch(/class="problem">\[(CITATION NEEDS REVIEW|ORPHANED CITATION)/);
  });

  it('exports a bibliography of the sources the notes cite', async () => {
    const note = await noteCiting(
      notebook,
      'Two sources',
      await cite(notebook, 'seed-004', 'Ministry of State Security'),
      await cite(notebook, 'seed-001', 'Ministry of State Security'),
    );
    const { text: ris, count } = (await notebook.host.export.bibliography({ format: 'ris', noteIds: [note.id] })) as {
      text: string;
      count: number;
    };
    expect(count).toBe(2);
    expect(ris.match(/^ID {2}- (.*)$/gm)).toEqual(['ID  - seed-004', 'ID  - seed-001']);
  });

  it('titles a report after its first note, links notes internally and never skips a heading level', async () => {
    const a = await cite(notebook, 'seed-000', 'There are few intelligence agencies with a more ambitious agenda');
    const first = await noteCiting(notebook, 'Main findings', a);
    const second = await notebook.host.notes.create({ title: 'Background' });
    const outside = await notebook.host.notes.create({ title: 'Not in the report' });
    await notebook.host.notes.save({
      id: second.id,
      document: doc(
        heading('Details', 'h2'),
        heading('More details', 'h3'),
        paragraph(text('See '), noteLinkNode(first.id, 'Main findings'), text(' and '), noteLinkNode(outside.id, 'Not in the report')),
      ),
    });
    const preview = (await notebook.host.export.preview({ noteIds: [first.id, second.id] })) as ResolvedReport;
    expect(preview.title).toBe('Main findings');
    const html = Buffer.from(
      ((await notebook.host.export.run({ noteIds: [first.id, second.id], format: 'html' })) as ExportResult).base64,
      'base64',
    ).toString();
    // Report title h1, note titles h2, a note's own H2 and H3 as h3 and h4.
    expect(html).toContain('<h3>Details</h3>');
    expect(html).toContain('<h4>More details</h4>');
    expect(html).toContain(`<section class="note" id="section-${first.id}">`);
    expect(html).toContain(`<a href="#section-${first.id}">Main findings</a>`);
    // A note outside the report has no place to link to: its title stays text.
    expect(html).toContain(' and Not in the report');
  });

  it('refuses a note that does not exist, naming it', async () => {
    await expect(notebook.host.export.run({ noteIds: ['n-doesnotexist'], format: 'md' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
