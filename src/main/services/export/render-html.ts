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
import { linkTarget, noteQuote, splitUrls } from './render-common';
import { BIBLIOGRAPHY_HEADINGS, problemLabel } from './resolve';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Print-first typography; no fonts, images or anything else fetched: the file stands alone. */
export const BASE_STYLE = `
:root { color-scheme: light; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Georgia, serif; font-size: 12pt; line-height: 1.5; color: #111; background: #fff; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 .3em; }
.byline { color: #444; font-style: italic; margin: 0 0 1.5em; }
h2 { font-size: 16pt; margin: 1.6em 0 .5em; break-after: avoid; }
h3 { font-size: 13.5pt; margin: 1.3em 0 .4em; break-after: avoid; }
h4, h5, h6 { font-size: 12pt; margin: 1.1em 0 .3em; break-after: avoid; }
p { margin: 0 0 .8em; text-align: justify; hyphens: auto; orphans: 3; widows: 3; }
blockquote { margin: 0 0 .8em 1.5em; padding-left: .8em; border-left: 2pt solid #999; color: #222; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 10pt; }
sup.note-ref, sup.note-sep { font-size: 8pt; line-height: 0; }
sup.note-ref a, .notes a.back { color: inherit; text-decoration: none; }
a { color: inherit; }
.notes { font-size: 10pt; line-height: 1.35; border-top: .5pt solid #777; margin-top: 1.2em; padding-top: .4em; }
.notes h2 { font-size: 13pt; }
.notes ol { padding-left: 1.8em; margin: 0; }
.notes li { margin: 0 0 .35em; break-inside: avoid; }
.problem { color: #a00; font-weight: bold; border: 1pt solid #a00; padding: 0 .2em; }
.bibliography p { padding-left: 2em; text-indent: -2em; text-align: left; }
.sc { font-variant: small-caps; }
.url { word-break: break-all; }
`;

const SCREEN_STYLE = `${BASE_STYLE}
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; padding: 0; } .notes a.back { display: none; } }
`;

function marked(html: string, marks: TextMark[] | undefined): string {
  let out = html;
  if (marks?.includes('code')) out = `<code>${out}</code>`;
  if (marks?.includes('italic')) out = `<em>${out}</em>`;
  if (marks?.includes('bold')) out = `<strong>${out}</strong>`;
  return out;
}

/** citeproc's runs as HTML; with `links`, web addresses in them become links (bibliography entries). */
export function runsToHtml(runs: StyledRun[], { links = false } = {}): string {
  return runs
    .map((r) => {
      let out = links
        ? splitUrls(r.text)
            .map((p) => (p.url ? `<a class="url" href="${escapeHtml(p.url)}">${escapeHtml(p.text)}</a>` : escapeHtml(p.text)))
            .join('')
        : escapeHtml(r.text);
      if (r.smallCaps) out = `<span class="sc">${out}</span>`;
      if (r.superscript) out = `<sup>${out}</sup>`;
      if (r.subscript) out = `<sub>${out}</sub>`;
      if (r.italic) out = `<i>${out}</i>`;
      if (r.bold) out = `<b>${out}</b>`;
      return out;
    })
    .join('');
}

export function noteBody(report: ResolvedReport, note: ResolvedNote): string {
  let body = '';
  if (note.problem) body += `<span class="problem">${escapeHtml(problemLabel(note.problem))}</span> `;
  body += runsToHtml(note.citation, { links: true });
  const quote = noteQuote(report, note);
  if (quote) body += `${note.citation.length ? ' ' : ''}<span class="quote">${escapeHtml(quote)}</span>`;
  return body;
}

function notesList(report: ResolvedReport, notes: ResolvedNote[], heading: string | null): string {
  if (!notes.length) return '';
  const items = notes
    .map(
      (n) =>
        `<li id="note-${n.number}" value="${n.number}">${noteBody(report, n)} <a class="back" href="#ref-${n.number}" aria-label="Back to text">↩</a></li>`,
    )
    .join('\n');
  return `<section class="notes" aria-label="Notes">${heading ? `<h2>${heading}</h2>` : ''}<ol>\n${items}\n</ol></section>`;
}

/** How a note number is written: a linked superscript (screen), or the note itself floated to the page foot (print). */
export type NoteRefHtml = (report: ResolvedReport, note: ResolvedNote) => string;

const linkedNoteRef: NoteRefHtml = (_report, note) =>
  `<sup class="note-ref"><a id="ref-${note.number}" href="#note-${note.number}">${note.number}</a></sup>`;

/**
 * The report's body as HTML. Footnotes close each note's section on screen; `inlineNotes` puts
 * each note where it is referenced instead, for the paged-media engine to float to the page foot.
 */
export function reportBody(report: ResolvedReport, options: { noteRef?: NoteRefHtml; inlineNotes?: boolean } = {}): string {
  const noteRef = options.noteRef ?? linkedNoteRef;
  const inlines = (content: ResolvedInline[]): string =>
    content
      .map((inline, i) => {
        switch (inline.kind) {
          case 'text':
            return marked(escapeHtml(inline.text), inline.marks);
          case 'break':
            return '<br>';
          case 'link': {
            const target = linkTarget(inline.href);
            if (!target) return marked(escapeHtml(inline.text), inline.marks);
            // Paper keeps the address: a web link's URL is printed after its words.
            const shown =
              !target.internal && inline.text.trim() !== inline.href.trim()
                ? ` <span class="url">&lt;${escapeHtml(target.href)}&gt;</span>`
                : '';
            return marked(`<a href="${escapeHtml(target.href)}">${escapeHtml(inline.text)}</a>${shown}`, inline.marks);
          }
          case 'mark': {
            const { mark, inText, noteNumber } = markParts(report, inline);
            let out = '';
            if (inText) out += ` ${runsToHtml(inText)}`;
            // Adjacent note numbers are separated, or 1 and 2 would read as 12.
            if (needsNoteSeparator(report, content, i)) out += '<sup class="note-sep">,</sup>';
            if (noteNumber !== null) out += noteRef(report, report.notes[noteNumber - 1]!);
            else if (mark.problem && inline.part !== 'note' && mark.noteNumber === null)
              out += ` <span class="problem">${escapeHtml(problemLabel(mark.problem))}</span>`;
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
      if (block.kind === 'heading') {
        const h = `h${Math.min(6, headingLevel(report, section, block.level))}`;
        body.push(`<${h}>${inlines(block.content)}</${h}>`);
      } else if (block.kind === 'paragraph') body.push(`<p>${inlines(block.content)}</p>`);
      else if (block.kind === 'quote') body.push(`<blockquote><p>${inlines(block.content)}</p></blockquote>`);
      else {
        const tag = block.ordered ? 'ol' : 'ul';
        body.push(`<${tag}>${block.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`);
      }
    }
    if (footnotes && !options.inlineNotes)
      body.push(
        notesList(
          report,
          report.notes.filter((n) => n.sectionId === section.id),
          null,
        ),
      );
    parts.push(`<section class="note" id="${sectionAnchor(section.id)}">\n${body.join('\n')}\n</section>`);
  }
  if (!footnotes) parts.push(notesList(report, report.notes, 'Notes'));
  if (report.bibliography.length) {
    parts.push(
      `<section class="bibliography"><h2>${BIBLIOGRAPHY_HEADINGS[report.options.style]}</h2>\n${report.bibliography.map((e) => `<p>${runsToHtml(e, { links: true })}</p>`).join('\n')}\n</section>`,
    );
  }
  return parts.join('\n');
}

export function htmlDocument(report: ResolvedReport, parts: { csp: string; style: string; head?: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${report.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${parts.csp}">
<meta name="generator" content="Sourcebook">
<title>${escapeHtml(report.title)}</title>
<style>${parts.style}</style>
${parts.head ?? ''}</head>
<body>
${parts.body}
</body>
</html>
`;
}

/**
 * One self-contained page: no script and no external resource, so opening the file contacts no
 * one (links are followed only when clicked). Footnotes close each note's section; endnotes are
 * gathered at the end.
 */
export function renderHtml(report: ResolvedReport): string {
  return htmlDocument(report, {
    csp: "default-src 'none'; style-src 'unsafe-inline'",
    style: `@page { size: ${report.paper === 'letter' ? 'letter' : 'A4'}; margin: 22mm 20mm 24mm; }\n${SCREEN_STYLE}`,
    body: reportBody(report),
  });
}
