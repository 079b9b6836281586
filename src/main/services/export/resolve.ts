import type { CitationInput } from 'citeproc';
import {
  CITATION_STYLE_LABELS,
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
import { htmlToRuns, styleEngine, styleFileFor, toCslItem } from './csl';

export const BIBLIOGRAPHY_HEADINGS: Record<ExportOptions['style'], string> = {
  chicago: 'Bibliography',
  apa: 'References',
  mla: 'Works Cited',
  harvard: 'Reference list',
};

const PROBLEM_LABELS: Record<CitationProblem['status'], string> = {
  changed: 'CITATION NOT YET REVIEWED',
  lost: 'CITATION NOT YET REVIEWED',
  altered: 'SOURCE TEXT ALTERED',
  unverified: 'QUOTE NOT VERIFIED',
};

/** The visible mark a problem citation carries in every format. */
export function problemLabel(problem: CitationProblem): string {
  return `[${PROBLEM_LABELS[problem.status]}: ${problem.message}]`;
}

/**
 * Formats every citation with citeproc-js in reading order. Note styles (Chicago) put each citation
 * in a note; in-text styles print the parenthetical citation and use a note only to carry the quote.
 */
export function resolveReport(model: ReportModel, options: ExportOptions, check: CitationCheck, resourcesDir: string): ResolvedReport {
  const { engine, items, prefix } = styleEngine(resourcesDir, styleFileFor(options.style, options.includeBibliography));
  const noteStyle = engine.opt.xclass === 'note';
  const citations = new Map(model.citations.map((c) => [c.id, c]));
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const problemsById = new Map(check.problems.map((p) => [p.citationId, p]));

  const citedSourceIds: string[] = [];
  for (const c of model.citations) {
    const source = sources.get(c.sourceId);
    if (!source || items.has(prefix + c.sourceId)) continue;
    items.set(
      prefix + c.sourceId,
      toCslItem(prefix + c.sourceId, source.metadata, { mediaType: source.mediaType, accessed: source.accessed }),
    );
    citedSourceIds.push(prefix + c.sourceId);
  }

  const marks: ResolvedMark[] = [];
  const notes: ResolvedNote[] = [];
  const cslCitations: CitationInput[] = [];
  const markOf = (citationId: string, sectionId: string): number => {
    const citation = citations.get(citationId);
    const problem = problemsById.get(citationId) ?? null;
    const wantsNote = noteStyle || (options.includeQuotes && !!citation?.quote);
    const noteNumber = wantsNote ? notes.length + 1 : null;
    const citable = citation && sources.has(citation.sourceId);
    const mark = marks.length;
    if (citable) {
      const locator =
        citation.page !== null
          ? { locator: String(citation.page), label: 'page' }
          : citation.paragraph !== null
            ? { locator: String(citation.paragraph), label: 'paragraph' }
            : {};
      cslCitations.push({
        citationID: `${prefix}m${mark}`,
        citationItems: [{ id: prefix + citation.sourceId, ...locator }],
        properties: { noteIndex: noteNumber ?? 0 },
      });
    }
    marks.push({ citationId, noteNumber, inText: null, problem });
    if (noteNumber !== null) {
      const quote = options.includeQuotes && citation?.quote ? citation.quote : null;
      notes.push({ number: noteNumber, citationId, sectionId, citation: citable ? [] : [{ text: 'Source unavailable.' }], quote, problem });
    }
    return mark;
  };

  const resolveInlines = (inlines: ReportInline[], sectionId: string): ResolvedInline[] =>
    inlines.map((inline) => (inline.kind === 'cite' ? { kind: 'mark', mark: markOf(inline.citationId, sectionId) } : inline));

  const sections = model.sections.map((section) => ({
    id: section.id,
    title: section.title,
    blocks: section.blocks.map((block): ResolvedBlock => {
      if (block.kind === 'list') return { ...block, items: block.items.map((item) => resolveInlines(item, section.id)) };
      return { ...block, content: resolveInlines(block.content, section.id) };
    }),
  }));

  engine.updateItems(citedSourceIds);
  const formatted = new Map<string, StyledRun[]>();
  for (const [citationID, , html] of engine.rebuildProcessorState(cslCitations, 'html')) formatted.set(citationID, htmlToRuns(html));
  marks.forEach((mark, index) => {
    const runs = formatted.get(`${prefix}m${index}`);
    if (!runs) return;
    if (noteStyle) {
      const note = notes[mark.noteNumber! - 1]!;
      note.citation = runs;
    } else {
      mark.inText = runs;
    }
  });

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
    sections,
    marks,
    notes,
    bibliography,
    check,
  };
}

function trimRuns(runs: StyledRun[]): StyledRun[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out.at(-1);
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text.length > 0);
}
