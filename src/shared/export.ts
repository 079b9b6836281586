import type { SourceMetadata } from './domain';
import type { CitationStatus } from './notes';

export type { CitationStatus } from './notes';

/**
 * A report as every exporter sees it, independent of notes, Lexical and output formats: notes map
 * into it, renderers read from it. Text is always plain data: no field is ever interpreted as markup.
 */
export interface ReportModel {
  title: string;
  author: string | null;
  /** ISO date (YYYY-MM-DD) printed under the title; null prints none. */
  date: string | null;
  sections: ReportSection[];
  /** Every citation referred to by a `cite` inline, keyed by its id through `id`. */
  citations: ReportCitation[];
  /** Every source a citation refers to. */
  sources: ReportSource[];
}

/** One note of a report, in the order the user chose. */
export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; content: ReportInline[] }
  | { kind: 'paragraph'; content: ReportInline[] }
  | { kind: 'quote'; content: ReportInline[] }
  | { kind: 'list'; ordered: boolean; items: ReportInline[][] };

export type TextMark = 'bold' | 'italic' | 'code';

export type ReportInline =
  | { kind: 'text'; text: string; marks?: TextMark[] }
  | { kind: 'link'; href: string; text: string; marks?: TextMark[] }
  | { kind: 'break' }
  | { kind: 'cite'; citationId: string }
  /** A link to another note: internal when that note is in the report, plain text otherwise. */
  | { kind: 'noteLink'; noteId: string; text: string };

export interface ReportCitation {
  id: string;
  sourceId: string;
  /** The source version the quote was pinned to; its text is the one quotes are verified against. */
  versionId: string;
  /** The exact quoted characters, as pinned. */
  quote: string;
  /** Offsets of the quote in the pinned version's text. */
  start: number;
  end: number;
  /**
   * SHA-256 of the pinned version's text recorded when the citation was made: the check re-hashes
   * the stored text and reports any difference. Absent in hand-made report models.
   */
  textSha256?: string | null;
  /** 1-based passage ordinal ("para. 7"); null when the citation lost its passage. */
  paragraph: number | null;
  /** Page in paged sources (PDF); null otherwise. */
  page: number | null;
  /** As the notes service last anchored it. changed and lost are undecided: flagged in every export. */
  status: CitationStatus;
  /** Why the status needs a look, in words a reader understands. */
  statusDetail: string | null;
}

export interface ReportSource {
  id: string;
  metadata: SourceMetadata;
  /** Paged media (application/pdf) cite pages; text and web pages cite paragraphs. */
  mediaType: string;
  fileName: string | null;
  /** When the text was captured (ISO date): the access date styles print for undated web pages. */
  accessed: string | null;
  /** When the source was deleted from the library; its cited texts are kept (absent while it is in the library). */
  deletedAt?: string;
}

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CITATION_STYLES = ['chicago', 'apa', 'mla', 'harvard'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  chicago: 'Chicago (notes and bibliography)',
  apa: 'APA 7th edition',
  mla: 'MLA 9th edition',
  harvard: 'Harvard (Cite Them Right)',
};

export const BIBLIOGRAPHY_FORMATS = ['csljson', 'bibtex', 'ris'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

/** Report languages with a shipped CSL locale: terms, dates and quotation marks follow it. */
export const REPORT_LOCALES = ['en-US', 'en-GB'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** Each style's home convention: Cite Them Right is British (en-GB), the others American. */
export const STYLE_LOCALES: Record<CitationStyle, ReportLocale> = { chicago: 'en-US', apa: 'en-US', mla: 'en-US', harvard: 'en-GB' };

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ExportOptions {
  style: CitationStyle;
  notes: 'footnotes' | 'endnotes';
  includeBibliography: boolean;
  /** Adds the exact quoted words to each note. */
  includeQuotes: boolean;
  /** The report's language; absent: the style's own (en-GB for Harvard, en-US otherwise). */
  locale?: ReportLocale;
  /** PDF and DOCX page size; absent: Letter for en-US, A4 elsewhere. */
  paper?: PaperSize;
}

export const localeOf = (options: Pick<ExportOptions, 'style' | 'locale'>): ReportLocale => options.locale ?? STYLE_LOCALES[options.style];
export const paperOf = (options: Pick<ExportOptions, 'style' | 'locale' | 'paper'>): PaperSize =>
  options.paper ?? (localeOf(options) === 'en-US' ? 'letter' : 'a4');

/** The locale's quotation marks (CSL terms open-quote … close-inner-quote). */
export interface QuoteMarks {
  open: string;
  close: string;
  openInner: string;
  closeInner: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  style: 'chicago',
  notes: 'footnotes',
  includeBibliography: true,
  includeQuotes: true,
};

/**
 * Why a citation is flagged in an export:
 * - changed, lost: not yet decided after its source changed (a person must review it);
 * - altered: the stored text it was pinned to no longer hashes to what was recorded when it was cited;
 * - unverified: the quoted words are not at their recorded place in the pinned text (or the text is missing).
 */
export type CitationProblemKind = 'changed' | 'lost' | 'altered' | 'unverified';

export const CITATION_PROBLEM_LABELS: Record<CitationProblemKind, string> = {
  changed: 'Not yet reviewed: the quoted words changed',
  lost: 'Not yet reviewed: the quoted passage is gone',
  altered: 'Source text altered since citing',
  unverified: 'Quote not verified',
};

export interface CitationProblem {
  citationId: string;
  sourceId: string;
  sectionId: string;
  sectionTitle: string;
  status: CitationProblemKind;
  /** What is wrong, for the check list and the mark in the output. */
  message: string;
  quote: string;
}

export interface CitationCheck {
  citations: number;
  verified: number;
  problems: CitationProblem[];
}

export interface ExportResult {
  fileName: string;
  mediaType: string;
  /** The file's bytes, base64-encoded so every transport carries them unchanged. */
  base64: string;
  bytes: number;
  check: CitationCheck;
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

export const BIBLIOGRAPHY_EXTENSIONS: Record<BibliographyFormat, string> = { csljson: 'json', bibtex: 'bib', ris: 'ris' };

/**
 * A file name that is safe on Windows, macOS and Linux: no path separators, control or reserved
 * characters, no reserved device names, no leading dots, at most 120 characters before the extension.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 120)
    .trim();
  const base = !cleaned || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? `report${cleaned ? `-${cleaned}` : ''}` : cleaned;
  return `${base}.${extension}`;
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { md: 'md', html: 'html', pdf: 'pdf', docx: 'docx', zip: 'zip' };

/** Formatted text from a citation style, split into runs so each format renders it natively. */
export interface StyledRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  superscript?: boolean;
  subscript?: boolean;
  code?: boolean;
}

/** A citation as it appears in the output: a note number, an in-text citation, or both. */
export interface ResolvedMark {
  citationId: string;
  /** The note that carries this citation; null for in-text styles without quotes in notes. */
  noteNumber: number | null;
  /** The parenthetical citation of in-text styles (APA, MLA, Harvard); null for note styles. */
  inText: StyledRun[] | null;
  problem: CitationProblem | null;
}

export interface ResolvedNote {
  number: number;
  citationId: string;
  sectionId: string;
  /** The style's citation, then the quote when quotes are included. */
  citation: StyledRun[];
  quote: string | null;
  problem: CitationProblem | null;
}

/**
 * A citation's place in the text. `part` splits a mark around punctuation: the in-text citation
 * before it (`citation`), the note number after it (`note`); without `part` the mark prints whole.
 * A link whose href is `#section-…` points to a note of the same report (see `sectionAnchor`).
 */
export type ResolvedInline =
  Exclude<ReportInline, { kind: 'cite' } | { kind: 'noteLink' }> | { kind: 'mark'; mark: number; part?: 'citation' | 'note' };

/** The anchor of a report section, for links between notes of the same report. */
export const sectionAnchor = (sectionId: string) => `section-${sectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** What a mark inline prints: its in-text citation, its note number. */
export function markParts(report: Pick<ResolvedReport, 'marks'>, inline: { mark: number; part?: 'citation' | 'note' }) {
  const mark = report.marks[inline.mark]!;
  return {
    mark,
    inText: inline.part === 'note' ? null : mark.inText,
    noteNumber: inline.part === 'citation' ? null : mark.noteNumber,
  };
}

/**
 * Note numbers printed side by side are separated (1,2 not 12); a number after an in-text
 * citation or any text needs no separator.
 */
export function needsNoteSeparator(report: Pick<ResolvedReport, 'marks'>, content: readonly ResolvedInline[], index: number): boolean {
  const current = content[index];
  const previous = content[index - 1];
  if (current?.kind !== 'mark' || previous?.kind !== 'mark') return false;
  const now = markParts(report, current);
  const before = markParts(report, previous);
  return now.noteNumber !== null && !now.inText?.length && before.noteNumber !== null;
}

/** A heading's level counts within its note, without gaps (a note using H2 and H3 gives 1 and 2). */
export type ResolvedBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; content: ResolvedInline[] }
  | { kind: 'paragraph'; content: ResolvedInline[] }
  | { kind: 'quote'; content: ResolvedInline[] }
  | { kind: 'list'; ordered: boolean; items: ResolvedInline[][] };

/** A report with every citation formatted: what previews and every renderer read. */
export interface ResolvedReport {
  title: string;
  author: string | null;
  date: string | null;
  options: ExportOptions;
  styleLabel: string;
  locale: ReportLocale;
  paper: PaperSize;
  /** The locale's quotation marks, for the quotes in notes. */
  quoteMarks: QuoteMarks;
  sections: { id: string; title: string; blocks: ResolvedBlock[] }[];
  marks: ResolvedMark[];
  notes: ResolvedNote[];
  bibliography: StyledRun[][];
  check: CitationCheck;
}

/**
 * The document level of a heading (the report title is 1): a section title is 2, a note's own
 * headings follow under it, so no level is ever skipped.
 */
export function headingLevel(report: { title: string; sections: readonly unknown[] }, section: { title: string }, level: number): number {
  return (showsSectionTitle(report, section) ? 2 : 1) + level;
}

/** A one-note report already carries the note's title as its own; printing it twice reads as a mistake. */
export function showsSectionTitle(report: { title: string; sections: readonly unknown[] }, section: { title: string }): boolean {
  return section.title.trim().length > 0 && !(report.sections.length === 1 && section.title.trim() === report.title.trim());
}
