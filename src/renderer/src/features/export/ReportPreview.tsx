import type { ReactNode } from 'react';
import {
  markParts,
  needsNoteSeparator,
  showsSectionTitle,
  type ResolvedInline,
  type ResolvedNote,
  type ResolvedReport,
  type StyledRun,
} from '../../../../shared/export';

/** citeproc's formatting, as React elements: text is always a text node, never markup. */
export function Runs({ runs }: { runs: StyledRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.smallCaps) node = <span className="sc">{node}</span>;
        if (r.superscript) node = <sup>{node}</sup>;
        if (r.subscript) node = <sub>{node}</sub>;
        if (r.italic) node = <i>{node}</i>;
        if (r.bold) node = <b>{node}</b>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

const PROBLEM_LABELS = { moved: 'Moved', review: 'Needs review', orphaned: 'Orphaned' } as const;

function NoteText({ note }: { note: ResolvedNote }) {
  return (
    <>
      {note.problem && (
        <span className="export-problem-mark">
          [{PROBLEM_LABELS[note.problem.status]}: {note.problem.message}]
        </span>
      )}{' '}
      <Runs runs={note.citation} />
      {note.quote && <span className="export-note-quote"> “{note.quote}”</span>}
    </>
  );
}

function Inlines({ content, report }: { content: ResolvedInline[]; report: ResolvedReport }) {
  return (
    <>
      {content.map((inline, i) => {
        switch (inline.kind) {
          case 'text': {
            let node: ReactNode = inline.text;
            if (inline.marks?.includes('code')) node = <code>{node}</code>;
            if (inline.marks?.includes('italic')) node = <em>{node}</em>;
            if (inline.marks?.includes('bold')) node = <strong>{node}</strong>;
            return <span key={i}>{node}</span>;
          }
          case 'break':
            return <br key={i} />;
          case 'link':
            // Shown, not followed: a preview never navigates away or fetches.
            return (
              <span key={i} className="export-link" title={inline.href}>
                {inline.text}
              </span>
            );
          case 'mark': {
            // A mark may print in two parts around punctuation: the citation, then the note number.
            const { mark, inText, noteNumber } = markParts(report, inline);
            return (
              <span key={i} className={mark.problem ? 'export-cite problem' : 'export-cite'}>
                {inText && (
                  <>
                    {' '}
                    <Runs runs={inText} />
                  </>
                )}
                {noteNumber !== null && <sup>{needsNoteSeparator(report, content, i) ? `,${noteNumber}` : noteNumber}</sup>}
                {mark.noteNumber === null && mark.problem && (
                  <span className="export-problem-mark"> [{PROBLEM_LABELS[mark.problem.status]}]</span>
                )}
              </span>
            );
          }
        }
      })}
    </>
  );
}

function NotesList({ notes }: { notes: ResolvedNote[] }) {
  if (!notes.length) return null;
  return (
    <ol className="export-notes">
      {notes.map((n) => (
        <li key={n.number} value={n.number}>
          <NoteText note={n} />
        </li>
      ))}
    </ol>
  );
}

const BIBLIOGRAPHY_HEADINGS = { chicago: 'Bibliography', apa: 'References', mla: 'Works Cited', harvard: 'Reference list' } as const;

/** The report as it will print: same numbering, notes and bibliography as every exported format. */
export function ReportPreview({ report }: { report: ResolvedReport }) {
  const footnotes = report.options.notes === 'footnotes';
  const byline = [report.author, report.date].filter(Boolean).join(' · ');
  return (
    <article className="export-preview" aria-label="Preview">
      <h1>{report.title}</h1>
      {byline && <p className="export-byline">{byline}</p>}
      {report.sections.map((section) => (
        <section key={section.id}>
          {showsSectionTitle(report, section) && <h2>{section.title}</h2>}
          {section.blocks.map((block, i) => {
            if (block.kind === 'heading') {
              const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1]!;
              return (
                <Tag key={i}>
                  <Inlines content={block.content} report={report} />
                </Tag>
              );
            }
            if (block.kind === 'paragraph')
              return (
                <p key={i}>
                  <Inlines content={block.content} report={report} />
                </p>
              );
            if (block.kind === 'quote')
              return (
                <blockquote key={i}>
                  <Inlines content={block.content} report={report} />
                </blockquote>
              );
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={i}>
                {block.items.map((item, k) => (
                  <li key={k}>
                    <Inlines content={item} report={report} />
                  </li>
                ))}
              </List>
            );
          })}
          {footnotes && <NotesList notes={report.notes.filter((n) => n.sectionId === section.id)} />}
        </section>
      ))}
      {!footnotes && report.notes.length > 0 && (
        <section>
          <h2>Notes</h2>
          <NotesList notes={report.notes} />
        </section>
      )}
      {report.bibliography.length > 0 && (
        <section className="export-bibliography">
          <h2>{BIBLIOGRAPHY_HEADINGS[report.options.style]}</h2>
          {report.bibliography.map((entry, i) => (
            <p key={i}>
              <Runs runs={entry} />
            </p>
          ))}
        </section>
      )}
    </article>
  );
}
