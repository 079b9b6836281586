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

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Print-first typography; no fonts, images or anything else fetched: the file stands alone. */
const STYLE = `
@page { size: A4; margin: 22mm 20mm 24mm; }
:root { color-scheme: light; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Georgia, serif; font-size: 12pt; line-height: 1.5; color: #111; background: #fff; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 .3em; }
.byline { color: #444; font-style: italic; margin: 0 0 1.5em; }
h2 { font-size: 16pt; margin: 1.6em 0 .5em; break-after: avoid; }
h3 { font-size: 13.5pt; margin: 1.3em 0 .4em; break-after: avoid; }
h4, h5 { font-size: 12pt; margin: 1.1em 0 .3em; break-after: avoid; }
p { margin: 0 0 .8em; text-align: justify; hyphens: auto; orphans: 3; widows: 3; }
blockquote { margin: 0 0 .8em 1.5em; padding-left: .8em; border-left: 2pt solid #999; color: #222; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 10pt; }
sup.note-ref { font-size: 8pt; line-height: 0; }
sup.note-ref a, .notes a.back { color: inherit; text-decoration: none; }
.notes { font-size: 10pt; line-height: 1.35; border-top: .5pt solid #777; margin-top: 1.2em; padding-top: .4em; }
.notes h2 { font-size: 13pt; }
.notes ol { padding-left: 1.8em; margin: 0; }
.notes li { margin: 0 0 .35em; break-inside: avoid; }
.quote { font-style: normal; }
.problem { color: #a00; font-weight: bold; border: 1pt solid #a00; padding: 0 .2em; }
.bibliography p { padding-left: 2em; text-indent: -2em; text-align: left; }
.sc { font-variant: small-caps; }
.url { word-break: break-all; }
@media print { body { margin: 0; max-width: none; padding: 0; } .notes a.back { display: none; } }
`;

function marked(html: string, marks: TextMark[] | undefined): string {
  let out = html;
  if (marks?.includes('code')) out = `<code>${out}</code>`;
  if (marks?.includes('italic')) out = `<em>${out}</em>`;
  if (marks?.includes('bold')) out = `<strong>${out}</strong>`;
  return out;
}

export function runsToHtml(runs: StyledRun[]): string {
  return runs
    .map((r) => {
      let out = escapeHtml(r.text);
      if (r.smallCaps) out = `<span class="sc">${out}</span>`;
      if (r.superscript) out = `<sup>${out}</sup>`;
      if (r.subscript) out = `<sub>${out}</sub>`;
      if (r.italic) out = `<i>${out}</i>`;
      if (r.bold) out = `<b>${out}</b>`;
      return out;
    })
    .join('');
}

function noteBody(note: ResolvedNote): string {
  let body = '';
  if (note.problem) body += `<span class="problem">${escapeHtml(problemLabel(note.problem))}</span> `;
  body += runsToHtml(note.citation);
  // data-sb-quote names the citation whose exact words the span holds: the evidence pack's verifier
  // checks every such span against the pinned source text (docs/citations.md).
  if (note.quote)
    body += `${note.citation.length ? ' ' : ''}“<span class="quote" data-sb-quote="${escapeHtml(note.citationId)}">${escapeHtml(note.quote)}</span>”`;
  return body;
}

function notesList(notes: ResolvedNote[], heading: string | null): string {
  if (!notes.length) return '';
  const items = notes
    .map(
      (n) =>
        `<li id="note-${n.number}" value="${n.number}">${noteBody(n)} <a class="back" href="#ref-${n.number}" aria-label="Back to text">↩</a></li>`,
    )
    .join('\n');
  return `<section class="notes" aria-label="Notes">${heading ? `<h2>${heading}</h2>` : ''}<ol>\n${items}\n</ol></section>`;
}

/**
 * One self-contained page: no script, no external resource, no remote URL (links to the web are
 * printed as text, so opening the file never contacts anyone). Footnotes close each note's
 * section; endnotes are gathered at the end.
 */
export function renderHtml(report: ResolvedReport): string {
  const inlines = (content: ResolvedInline[]): string =>
    content
      .map((inline, i) => {
        switch (inline.kind) {
          case 'text':
            return marked(escapeHtml(inline.text), inline.marks);
          case 'break':
            return '<br>';
          case 'link': {
            // Printed, not linked: the file must never reach out, and paper keeps the address.
            const href = safeHref(inline.href);
            const shown = href && inline.text.trim() !== inline.href.trim() ? ` <span class="url">&lt;${escapeHtml(href)}&gt;</span>` : '';
            return marked(`${escapeHtml(inline.text)}${shown}`, inline.marks);
          }
          case 'mark': {
            const mark = report.marks[inline.mark]!;
            let out = '';
            if (mark.inText) out += ` ${runsToHtml(mark.inText)}`;
            // Adjacent note numbers are separated, or 1 and 2 would read as 12.
            if (mark.noteNumber !== null && content[i - 1]?.kind === 'mark') out += '<sup class="note-sep">,</sup>';
            if (mark.noteNumber !== null)
              out += `<sup class="note-ref"><a id="ref-${mark.noteNumber}" href="#note-${mark.noteNumber}">${mark.noteNumber}</a></sup>`;
            else if (mark.problem) out += ` <span class="problem">${escapeHtml(problemLabel(mark.problem))}</span>`;
            return out;
          }
        }
      })
      .join('');

  const parts: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  const byline = [report.author, report.date].filter((x): x is string => !!x && !!x.trim());
  if (byline.length) parts.push(`<p class="byline">${escapeHtml(byline.join(' · '))}</p>`);
  const footnotes = report.options.notes === 'footnotes';
  for (const section of report.sections) {
    const body: string[] = [];
    if (showsSectionTitle(report, section)) body.push(`<h2>${escapeHtml(section.title)}</h2>`);
    for (const block of section.blocks) {
      if (block.kind === 'heading') body.push(`<h${block.level + 2}>${inlines(block.content)}</h${block.level + 2}>`);
      else if (block.kind === 'paragraph') body.push(`<p>${inlines(block.content)}</p>`);
      else if (block.kind === 'quote') body.push(`<blockquote><p>${inlines(block.content)}</p></blockquote>`);
      else {
        const tag = block.ordered ? 'ol' : 'ul';
        body.push(`<${tag}>${block.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`);
      }
    }
    if (footnotes)
      body.push(
        notesList(
          report.notes.filter((n) => n.sectionId === section.id),
          null,
        ),
      );
    parts.push(`<section class="note">\n${body.join('\n')}\n</section>`);
  }
  if (!footnotes) parts.push(notesList(report.notes, 'Notes'));
  if (report.bibliography.length) {
    parts.push(
      `<section class="bibliography"><h2>${BIBLIOGRAPHY_HEADINGS[report.options.style]}</h2>\n${report.bibliography.map((e) => `<p>${runsToHtml(e)}</p>`).join('\n')}\n</section>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Sourcebook">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
