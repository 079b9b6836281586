import {
  AlignmentType,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import {
  showsSectionTitle,
  type ResolvedInline,
  type ResolvedNote,
  type ResolvedReport,
  type StyledRun,
  type TextMark,
} from '../../../shared/export';
import { safeHref } from './render-markdown';
import { BIBLIOGRAPHY_HEADINGS, problemLabel } from './resolve';

const HEADINGS = { 1: HeadingLevel.HEADING_2, 2: HeadingLevel.HEADING_3, 3: HeadingLevel.HEADING_4 } as const;
const PROBLEM_RUN = { bold: true, color: 'AA0000', highlight: 'yellow' } as const;

// XML 1.0 forbids most control characters; a stray one in a note must not make Word refuse the file.
// eslint-disable-next-line no-control-regex
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

function styledRuns(runs: StyledRun[]): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlSafe(r.text),
        italics: r.italic,
        bold: r.bold,
        smallCaps: r.smallCaps,
        superScript: r.superscript,
        subScript: r.subscript,
      }),
  );
}

function textRun(text: string, marks: TextMark[] | undefined, extra: { style?: string } = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    bold: marks?.includes('bold'),
    italics: marks?.includes('italic'),
    font: marks?.includes('code') ? 'Courier New' : undefined,
    ...extra,
  });
}

function noteParagraph(note: ResolvedNote): Paragraph {
  const children: ParagraphChild[] = [];
  if (note.problem) children.push(new TextRun({ text: xmlSafe(`${problemLabel(note.problem)} `), ...PROBLEM_RUN }));
  children.push(...styledRuns(note.citation));
  if (note.quote) children.push(new TextRun({ text: xmlSafe(`${note.citation.length ? ' ' : ''}“${note.quote}”`) }));
  return new Paragraph({ children });
}

/** A Word document whose citations are real Word footnotes (or endnotes), numbered by Word. */
export async function renderDocx(report: ResolvedReport): Promise<Uint8Array> {
  const endnotes = report.options.notes === 'endnotes';
  const noteContent: Record<string, { children: Paragraph[] }> = {};
  for (const note of report.notes) noteContent[String(note.number)] = { children: [noteParagraph(note)] };

  let listInstance = 0;
  const inlines = (content: ResolvedInline[]): ParagraphChild[] =>
    content.flatMap((inline, i): ParagraphChild[] => {
      switch (inline.kind) {
        case 'text':
          return [textRun(inline.text, inline.marks)];
        case 'break':
          return [new TextRun({ break: 1 })];
        case 'link': {
          const href = safeHref(inline.href);
          const run = textRun(inline.text, inline.marks, href ? { style: 'Hyperlink' } : {});
          return href ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
        }
        case 'mark': {
          const mark = report.marks[inline.mark]!;
          const out: ParagraphChild[] = [];
          if (mark.inText) out.push(new TextRun(' '), ...styledRuns(mark.inText));
          if (mark.noteNumber !== null && content[i - 1]?.kind === 'mark') out.push(new TextRun({ text: ',', superScript: true }));
          if (mark.noteNumber !== null)
            out.push(endnotes ? new EndnoteReferenceRun(mark.noteNumber) : new FootnoteReferenceRun(mark.noteNumber));
          else if (mark.problem) out.push(new TextRun({ text: xmlSafe(` ${problemLabel(mark.problem)}`), ...PROBLEM_RUN }));
          return out;
        }
      }
    });

  const body: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(report.title))] })];
  const byline = [report.author, report.date].filter((x): x is string => !!x && !!x.trim());
  if (byline.length) body.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(byline.join(' · ')), italics: true })] }));
  for (const section of report.sections) {
    if (showsSectionTitle(report, section))
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(section.title))] }));
    for (const block of section.blocks) {
      if (block.kind === 'heading') body.push(new Paragraph({ heading: HEADINGS[block.level], children: inlines(block.content) }));
      else if (block.kind === 'paragraph') body.push(new Paragraph({ children: inlines(block.content) }));
      else if (block.kind === 'quote') body.push(new Paragraph({ style: 'Quote', children: inlines(block.content) }));
      else {
        listInstance += 1;
        for (const item of block.items) {
          body.push(
            new Paragraph({
              children: inlines(item),
              ...(block.ordered ? { numbering: { reference: 'ordered', level: 0, instance: listInstance } } : { bullet: { level: 0 } }),
            }),
          );
        }
      }
    }
  }
  if (report.bibliography.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(BIBLIOGRAPHY_HEADINGS[report.options.style])] }));
    for (const entry of report.bibliography) body.push(new Paragraph({ style: 'Bibliography', children: styledRuns(entry) }));
  }

  const doc = new Document({
    title: xmlSafe(report.title),
    creator: 'Sourcebook',
    description: `Citations: ${report.styleLabel}`,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true },
          paragraph: { indent: { left: 720, right: 360 } },
        },
        {
          id: 'Bibliography',
          name: 'Bibliography',
          basedOn: 'Normal',
          paragraph: { indent: { left: 720, hanging: 720 }, spacing: { after: 120 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    ...(endnotes ? { endnotes: noteContent } : { footnotes: noteContent }),
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
