import {
  AlignmentType,
  Bookmark,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import {
  headingLevel,
  markParts,
  needsNoteSeparator,
  sectionAnchor,
  showsSectionTitle,
  type ResolvedInline,
  type ResolvedNote,
  type ResolvedReport,
  type StyledRun,
  type TextMark,
} from '../../../shared/export';
import { linkedAnchors, linkTarget, noteQuote, splitUrls } from './render-common';
import { BIBLIOGRAPHY_HEADINGS, problemLabel } from './resolve';

/** Title, then Heading 1 for each note, Heading 2… for the note's own headings: no level skipped. */
const WORD_HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
];
const wordHeading = (documentLevel: number) => WORD_HEADINGS[Math.min(WORD_HEADINGS.length, documentLevel - 1) - 1]!;

/** Page sizes in twentieths of a point; margins one inch. */
const PAGE_SIZES = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } } as const;
const PROBLEM_RUN = { bold: true, color: 'AA0000', highlight: 'yellow' } as const;

// XML 1.0 forbids most control characters; a stray one in a note must not make Word refuse the file.
// eslint-disable-next-line no-control-regex
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

/** citeproc's runs as Word runs; with `links`, web addresses in them become hyperlinks. */
function styledRuns(runs: StyledRun[], { links = false } = {}): ParagraphChild[] {
  return runs.flatMap((r) =>
    (links ? splitUrls(r.text) : [{ text: r.text }]).map((part: { text: string; url?: string }) => {
      const run = new TextRun({
        text: xmlSafe(part.text),
        italics: r.italic,
        bold: r.bold,
        smallCaps: r.smallCaps,
        superScript: r.superscript,
        subScript: r.subscript,
        ...(part.url ? { style: 'Hyperlink' } : {}),
      });
      return part.url ? new ExternalHyperlink({ link: part.url, children: [run] }) : run;
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

/** A note's paragraph: Word puts the note mark first; a space follows it, as in every style guide's examples. */
function noteParagraph(report: ResolvedReport, note: ResolvedNote, style: string): Paragraph {
  const children: ParagraphChild[] = [new TextRun(' ')];
  if (note.problem) children.push(new TextRun({ text: xmlSafe(`${problemLabel(note.problem)} `), ...PROBLEM_RUN }));
  children.push(...styledRuns(note.citation, { links: true }));
  const quote = noteQuote(report, note);
  if (quote) children.push(new TextRun({ text: xmlSafe(`${note.citation.length ? ' ' : ''}${quote}`) }));
  return new Paragraph({ style, children });
}

/** A Word document whose citations are real Word footnotes (or endnotes), numbered by Word. */
export async function renderDocx(report: ResolvedReport): Promise<Uint8Array> {
  const endnotes = report.options.notes === 'endnotes';
  const noteContent: Record<string, { children: Paragraph[] }> = {};
  const noteStyle = endnotes ? 'EndnoteText' : 'FootnoteText';
  for (const note of report.notes) noteContent[String(note.number)] = { children: [noteParagraph(report, note, noteStyle)] };

  let listInstance = 0;
  const inlines = (content: ResolvedInline[]): ParagraphChild[] =>
    content.flatMap((inline, i): ParagraphChild[] => {
      switch (inline.kind) {
        case 'text':
          return [textRun(inline.text, inline.marks)];
        case 'break':
          return [new TextRun({ break: 1 })];
        case 'link': {
          const target = linkTarget(inline.href);
          const run = textRun(inline.text, inline.marks, target ? { style: 'Hyperlink' } : {});
          if (!target) return [run];
          return [
            target.internal
              ? new InternalHyperlink({ anchor: target.href.slice(1), children: [run] })
              : new ExternalHyperlink({ link: target.href, children: [run] }),
          ];
        }
        case 'mark': {
          const { mark, inText, noteNumber } = markParts(report, inline);
          const out: ParagraphChild[] = [];
          // Roman even inside an italic run of text: a citation's own italics (titles) come from the style.
          if (inText) out.push(new TextRun(' '), ...styledRuns(inText));
          if (needsNoteSeparator(report, content, i)) out.push(new TextRun({ text: ',', superScript: true }));
          if (noteNumber !== null) out.push(endnotes ? new EndnoteReferenceRun(noteNumber) : new FootnoteReferenceRun(noteNumber));
          else if (mark.problem && mark.noteNumber === null)
            out.push(new TextRun({ text: xmlSafe(` ${problemLabel(mark.problem)}`), ...PROBLEM_RUN }));
          return out;
        }
      }
    });

  const body: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(report.title))] })];
  const byline = [report.author, report.date].filter((x): x is string => !!x && !!x.trim());
  if (byline.length) body.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(byline.join(' · ')), italics: true })] }));
  const linked = linkedAnchors(report);
  for (const section of report.sections) {
    const anchor = sectionAnchor(section.id);
    if (showsSectionTitle(report, section))
      body.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          children: [new Bookmark({ id: anchor, children: [new TextRun(xmlSafe(section.title))] })],
        }),
      );
    else if (linked.has(anchor)) body.push(new Paragraph({ children: [new Bookmark({ id: anchor, children: [] })] }));
    for (const block of section.blocks) {
      if (block.kind === 'heading')
        body.push(new Paragraph({ heading: wordHeading(headingLevel(report, section, block.level)), children: inlines(block.content) }));
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
    for (const entry of report.bibliography)
      body.push(new Paragraph({ style: 'Bibliography', children: styledRuns(entry, { links: true }) }));
  }

  const doc = new Document({
    title: xmlSafe(report.title),
    creator: 'Sourcebook',
    description: `Citations: ${report.styleLabel}`,
    styles: {
      // Space between paragraphs and above headings: Word's defaults set body text solid.
      default: {
        document: { run: { font: 'Times New Roman', size: 24 }, paragraph: { spacing: { after: 120 } } },
        title: { paragraph: { spacing: { after: 120 } } },
        heading1: { paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          // Set off by indentation, not italics (CMOS 13.9): an italic block quote would italicise its citation too.
          paragraph: { indent: { left: 720, right: 360 }, spacing: { after: 160 } },
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
    sections: [
      {
        properties: { page: { size: PAGE_SIZES[report.paper], margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })] }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
