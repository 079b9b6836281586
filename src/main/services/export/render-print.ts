import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResolvedReport } from '../../../shared/export';
import { BASE_STYLE, htmlDocument, noteBody, reportBody, type NoteRefHtml } from './render-html';

/**
 * The page the PDF is printed from. Chromium prints pages but knows nothing of footnotes, so
 * Paged.js (CSS Paged Media in the page itself) lays the report out first: each note floats to
 * the foot of the page its number is on (`float: footnote`), pages are numbered in the bottom
 * margin, and the page is A4 or Letter. Paged.js is inlined and allowed by its hash: the page's
 * policy still forbids every other script, inline handler, eval and remote resource.
 */
export const PAGED_DONE = '__sourcebookPaged';

let pagedSource: string | null = null;
function pagedJs(): string {
  if (pagedSource === null) {
    // The package exports only its entry points; its browser build sits next to them.
    const entry = createRequire(import.meta.url).resolve('pagedjs');
    pagedSource = fs.readFileSync(path.join(path.dirname(entry), '..', 'dist', 'paged.min.js'), 'utf8');
  }
  return pagedSource;
}

// Lays out once the document is parsed; the printer awaits window.__sourcebookPaged before printing.
const RUNNER = `window.${PAGED_DONE} = new Promise(function (ready) { document.addEventListener('DOMContentLoaded', ready); })
  .then(function () { return new PagedModule.Previewer().preview(); })
  .then(function (flow) { return { pages: flow.total }; }, function (error) { return { error: String(error && error.stack || error) }; });`;

const hash = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

function printStyle(report: ResolvedReport): string {
  return `${BASE_STYLE}
@page {
  size: ${report.paper === 'letter' ? 'letter' : 'A4'};
  margin: 22mm 20mm 24mm;
  @footnote { border-top: .5pt solid #777; padding-top: 1.5mm; margin-top: 4mm; }
  @bottom-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 10pt; }
}
body { margin: 0; }
.fn { float: footnote; font-size: 10pt; line-height: 1.3; text-align: left; font-style: normal; font-weight: normal; }
.fn::footnote-call { font-size: 8pt; line-height: 0; vertical-align: super; }
.fn::footnote-marker { font-size: 10pt; }
a { text-decoration: none; }
`;
}

const floatedNote: NoteRefHtml = (report, note) => `<span class="fn">${noteBody(report, note)}</span>`;

export function renderPrintHtml(report: ResolvedReport): string {
  const footnotes = report.options.notes === 'footnotes';
  const scripts = [pagedJs(), RUNNER];
  return htmlDocument(report, {
    csp: `default-src 'none'; style-src 'unsafe-inline'; script-src ${scripts.map(hash).join(' ')}`,
    style: printStyle(report),
    head: scripts.map((s) => `<script>${s}</script>\n`).join(''),
    body: footnotes ? reportBody(report, { noteRef: floatedNote, inlineNotes: true }) : reportBody(report),
  });
}
