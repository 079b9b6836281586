import type { CitationInput } from 'citeproc';
import {
  CITATION_STYLE_LABELS,
  localeOf,
  paperOf,
  sectionAnchor,
  type ReportCitation,
  type CitationCheck,
  type CitationProblem,
  type ExportOptions,
  type ReportInline,
  type ReportModel,
  type ResolvedBlock,
  type ResolvedInline,
  type ResolvedMark,
  type ResolvedNote,
  type ResolvedReport,
  type StyledRun,
} from '../../../shared/export';
import { htmlToRuns, toCslItem } from './csl';
import { localeQuotes, punctuationInQuote, styleEngine, styleFileFor } from './csl-engine';
import { markGroups, placeMarks } from './punctuation';
import { workFromSource } from './work';

export const BIBLIOGRAPHY_HEADINGS: Record<ExportOptions['style'], string> = {
  chicago: 'Bibliography',
  apa: 'References',
  mla: 'Works Cited',
  harvard: 'Reference list',
};

const PROBLEM_LABELS: Record<CitationProblem['status'], string> = {
  moved: 'CITATION MOVED',
  review: 'CITATION NEEDS REVIEW',
  orphaned: 'ORPHANED CITATION',
};

/** The visible mark a problem citation carries in every format. */
export function problemLabel(problem: CitationProblem): string {
  return `[${PROBLEM_LABELS[problem.status]}: ${problem.message}]`;
}

interface PendingCitation {
  mark: number;
  itemId: string;
  locator: { locator?: string; label?: string };
}

function locatorOf(citation: ReportCitation): PendingCitation['locator'] {
  if (citation.page !== null) return { locator: String(citation.page), label: 'page' };
  if (citation.paragraph !== null) return { locator: String(citation.paragraph), label: 'paragraph' };
  return {};
}

/**
 * Formats every citation with citeproc-js in reading order. Note styles (Chicago) put each citation
 * in a note; in-text styles print the parenthetical citation (adjacent citations in one
 * parenthesis) and use a note only to carry the quote. Then citations are placed against the
 * writer's punctuation (punctuation.ts) and headings are given levels without gaps.
 */
export function resolveReport(model: ReportModel, options: ExportOptions, check: CitationCheck, resourcesDir: string): ResolvedReport {
  const locale = localeOf(options);
  const { engine, items, prefix } = styleEngine(resourcesDir, styleFileFor(options.style, options.includeBibliography), locale);
  const noteStyle = engine.opt.xclass === 'note';
  const quoteMarks = localeQuotes(resourcesDir, locale);
  const citations = new Map(model.citations.map((c) => [c.id, c]));
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const sectionIds = new Set(model.sections.map((s) => s.id));
  const problemsById = new Map(check.problems.map((p) => [p.citationId, p]));

  const citedSourceIds: string[] = [];
  for (const c of model.citations) {
    const source = sources.get(c.sourceId);
    if (!source || items.has(prefix + c.sourceId)) continue;
    items.set(prefix + c.sourceId, toCslItem({ ...workFromSource(source), id: prefix + c.sourceId }));
    citedSourceIds.push(prefix + c.sourceId);
  }

  const marks: ResolvedMark[] = [];
  const notes: ResolvedNote[] = [];
  const pending = new Map<number, PendingCitation>();
  const markOf = (citationId: string, sectionId: string): number => {
    const citation = citations.get(citationId);
    const problem = problemsById.get(citationId) ?? null;
    const wantsNote = noteStyle || (options.includeQuotes && !!citation?.quote);
    const noteNumber = wantsNote ? notes.length + 1 : null;
    const citable = citation && sources.has(citation.sourceId);
    const mark = marks.length;
    if (citable) pending.set(mark, { mark, itemId: prefix + citation.sourceId, locator: locatorOf(citation) });
    marks.push({ citationId, noteNumber, inText: null, problem });
    if (noteNumber !== null) {
      const quote = options.includeQuotes && citation?.quote ? citation.quote : null;
      notes.push({ number: noteNumber, citationId, sectionId, citation: citable ? [] : [{ text: 'Source unavailable.' }], quote, problem });
    }
    return mark;
  };

  const resolveInlines = (inlines: ReportInline[], sectionId: string): ResolvedInline[] =>
    inlines.map((inline): ResolvedInline => {
      if (inline.kind === 'cite') return { kind: 'mark', mark: markOf(inline.citationId, sectionId) };
      if (inline.kind === 'noteLink')
        return sectionIds.has(inline.noteId)
          ? { kind: 'link', href: `#${sectionAnchor(inline.noteId)}`, text: inline.text }
          : { kind: 'text', text: inline.text };
      return inline;
    });

  const sections = model.sections.map((section) => ({
    id: section.id,
    title: section.title,
    blocks: gaplessHeadings(
      section.blocks.map((block): ResolvedBlock => {
        if (block.kind === 'list') return { ...block, items: block.items.map((item) => resolveInlines(item, section.id)) };
        return { ...block, content: resolveInlines(block.content, section.id) };
      }),
    ),
  }));

  // One citeproc citation per note (note styles) or per group of adjacent citations (in-text).
  const inlineLists = sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.content])));
  const groups = noteStyle ? [...pending.keys()].map((m) => [m]) : inlineLists.flatMap(markGroups);
  const cslCitations: CitationInput[] = [];
  for (const group of groups) {
    const citable = group.map((m) => pending.get(m)).filter((p): p is PendingCitation => !!p);
    if (!citable.length) continue;
    cslCitations.push({
      citationID: `${prefix}m${citable[0]!.mark}`,
      citationItems: citable.map((p) => ({ id: p.itemId, ...p.locator })),
      properties: { noteIndex: noteStyle ? (marks[citable[0]!.mark]!.noteNumber ?? 0) : 0 },
    });
  }
  engine.updateItems(citedSourceIds);
  for (const [citationID, , html] of engine.rebuildProcessorState(cslCitations, 'html')) {
    const mark = marks[Number(citationID.slice(prefix.length + 1))]!;
    const runs = htmlToRuns(html);
    if (noteStyle) notes[mark.noteNumber! - 1]!.citation = runs;
    else mark.inText = runs;
  }

  const punctuation = { punctuationInQuote: punctuationInQuote(resourcesDir, locale) };
  const shape = (m: number) => ({ inText: !!marks[m]!.inText?.length, note: marks[m]!.noteNumber !== null });
  const placed = sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block): ResolvedBlock => {
      if (block.kind === 'list') return { ...block, items: block.items.map((item) => placeMarks(item, shape, punctuation)) };
      return { ...block, content: placeMarks(block.content, shape, { ...punctuation, blockQuote: block.kind === 'quote' }) };
    }),
  }));

  let bibliography: StyledRun[][] = [];
  if (options.includeBibliography && citedSourceIds.length) {
    const made = engine.makeBibliography();
    if (made) bibliography = made[1].map((entry) => trimRuns(htmlToRuns(entry)));
  }

  return {
    title: model.title,
    author: model.author,
    date: model.date,
    options,
    styleLabel: CITATION_STYLE_LABELS[options.style],
    locale,
    paper: paperOf(options),
    quoteMarks,
    sections: placed,
    marks,
    notes,
    bibliography,
    check,
  };
}

/**
 * A note's headings get levels without gaps: the distinct levels it uses are ranked (H2 and H3
 * become 1 and 2), and no heading goes more than one level below the one before it.
 */
export function gaplessHeadings(blocks: ResolvedBlock[]): ResolvedBlock[] {
  const used = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort();
  let previous = 0;
  return blocks.map((block) => {
    if (block.kind !== 'heading') return block;
    const level = Math.min(used.indexOf(block.level) + 1, previous + 1) as 1 | 2 | 3;
    previous = level;
    return { ...block, level };
  });
}

function trimRuns(runs: StyledRun[]): StyledRun[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out.at(-1);
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text.length > 0);
}
