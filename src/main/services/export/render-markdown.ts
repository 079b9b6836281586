import {
  headingLevel,
  markParts,
  needsNoteSeparator,
  sectionAnchor,
  showsSectionTitle,
  type ResolvedInline,
  type ResolvedReport,
  type StyledRun,
  type TextMark,
} from '../../../shared/export';
import { linkedAnchors, linkTarget, noteQuote } from './render-common';
import { BIBLIOGRAPHY_HEADINGS, problemLabel } from './resolve';

/**
 * Pandoc Markdown escaping: every character that could start markup (emphasis, links, raw HTML,
 * citations, math, footnotes, entities) is backslash-escaped, so text always reads as text.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(/[\\`*_{}[\]()<>#+|~^$@&!"']/g, '\\$&')
      // Pandoc's smart typography would turn -- and ... into dashes and ellipses and alter quotes.
      .replace(/-(?=-)/g, '\\-')
      .replace(/\.(?=\.)/g, '\\.')
      .replace(/^(\s*)([-=:])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r\n?|\n/g, ' ')}${pad}${fence}`;
}

function marked(text: string, marks: TextMark[] | undefined): string {
  if (marks?.includes('code')) return codeSpan(text);
  let out = escapeMarkdown(text);
  if (!out.trim()) return out;
  if (marks?.includes('italic')) out = `*${out}*`;
  if (marks?.includes('bold')) out = `**${out}**`;
  return out;
}

function runsToMarkdown(runs: StyledRun[]): string {
  return runs
    .map((r) => {
      let out = escapeMarkdown(r.text);
      if (!out.trim()) return out;
      if (r.superscript) out = `^${out.replace(/ /g, '\\ ')}^`;
      if (r.subscript) out = `~${out.replace(/ /g, '\\ ')}~`;
      if (r.smallCaps) out = `[${out}]{.smallcaps}`;
      if (r.italic) out = `*${out}*`;
      if (r.bold) out = `**${out}**`;
      return out;
    })
    .join('');
}

export function renderMarkdown(report: ResolvedReport): string {
  const inlines = (content: ResolvedInline[]): string =>
    content
      .map((inline, i) => {
        switch (inline.kind) {
          case 'text':
            return marked(inline.text, inline.marks);
          case 'break':
            return '\\\n';
          case 'link': {
            const target = linkTarget(inline.href);
            const text = marked(inline.text, inline.marks);
            return target ? `[${text}](<${target.href.replace(/[<> ]/g, encodeURIComponent)}>)` : text;
          }
          case 'mark': {
            const { mark, inText, noteNumber } = markParts(report, inline);
            let out = '';
            if (inText) out += ` ${runsToMarkdown(inText)}`;
            if (needsNoteSeparator(report, content, i)) out += '^,^';
            if (noteNumber !== null) out += `[^${noteNumber}]`;
            else if (mark.problem && mark.noteNumber === null) out += ` **${escapeMarkdown(problemLabel(mark.problem))}**`;
            return out;
          }
        }
      })
      .join('');

  const lines: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  const byline = [report.author, report.date].filter((x): x is string => !!x && !!x.trim());
  if (byline.length) lines.push(`*${escapeMarkdown(byline.join(' · '))}*`, '');
  const linked = linkedAnchors(report);
  for (const section of report.sections) {
    // Pandoc heading attributes (or an empty span) give each note the anchor internal links point to.
    const anchor = `{#${sectionAnchor(section.id)}}`;
    if (showsSectionTitle(report, section)) lines.push(`## ${escapeMarkdown(section.title)} ${anchor}`, '');
    else if (linked.has(sectionAnchor(section.id))) lines.push(`[]${anchor}`, '');
    for (const block of section.blocks) {
      if (block.kind === 'heading')
        lines.push(`${'#'.repeat(Math.min(6, headingLevel(report, section, block.level)))} ${inlines(block.content)}`, '');
      else if (block.kind === 'paragraph') lines.push(inlines(block.content), '');
      else if (block.kind === 'quote') lines.push(`> ${inlines(block.content).replace(/\n/g, '\n> ')}`, '');
      else {
        block.items.forEach((item, i) => lines.push(`${block.ordered ? `${i + 1}.` : '-'} ${inlines(item).replace(/\n/g, '\n    ')}`));
        lines.push('');
      }
    }
  }
  if (report.bibliography.length) {
    lines.push(`## ${BIBLIOGRAPHY_HEADINGS[report.options.style]}`, '');
    for (const entry of report.bibliography) lines.push(runsToMarkdown(entry), '');
  }
  for (const note of report.notes) {
    let text = '';
    if (note.problem) text += `**${escapeMarkdown(problemLabel(note.problem))}** `;
    text += runsToMarkdown(note.citation);
    const quote = noteQuote(report, note);
    if (quote) text += `${text.trim() ? ' ' : ''}${escapeMarkdown(quote)}`;
    lines.push(`[^${note.number}]: ${text.trim() || escapeMarkdown('(no citation text)')}`, '');
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
