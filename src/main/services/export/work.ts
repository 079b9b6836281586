import type { SourceMetadata } from '../../../shared/domain';
import { deriveShortTitle } from '../../../shared/shortTitle';
import type { AuthorName, WorkType } from '../../../shared/sourceMetadata';

export type { WorkType };
export { deriveShortTitle };
import { webAddress } from '../../../shared/url';

/**
 * A source as a citable work: the one description every output is made from (citeproc's CSL
 * items, CSL-JSON, BibTeX and RIS). It reads what the library stores about the source — CSL
 * names, type, container, identifiers — and derives only what is missing: the type from the media
 * type when nobody said (round 1's mapping, kept for older records), the short title (CMOS 14.30).
 */

/** A CSL name: a person's parts, or an organisation (or anyone) written whole. */
export type WorkName = AuthorName;

/** A date as CSL knows it: year, month, day parts, or words that are no date ("Spring 2021"). */
export type WorkDate = { parts: [number] | [number, number] | [number, number, number] } | { literal: string };

export interface CitableWork {
  id: string;
  type: WorkType;
  title: string | null;
  /** For short notes and in-text citations without an author (CMOS 14.30); null when the title is already short. */
  titleShort: string | null;
  authors: WorkName[];
  issued: WorkDate | null;
  /** When the text was read: the access date styles print for web pages. */
  accessed: WorkDate | null;
  /** The site, newspaper or journal the work appeared in. */
  containerTitle: string | null;
  /** Publisher or issuing institution (reports, books). */
  publisher: string | null;
  publisherPlace: string | null;
  url: string | null;
  doi: string | null;
  issn: string | null;
  isbn: string | null;
  volume: string | null;
  issue: string | null;
  page: string | null;
  /** The library's tags on the source: keywords in the files Zotero, EndNote and BibTeX read. */
  keywords: string[];
}

/** What a work is made from; `accessed` is when the text was captured (an ISO date or timestamp). */
export interface WorkSource {
  id: string;
  metadata: SourceMetadata;
  mediaType: string;
  accessed?: string | null;
  tags?: readonly string[];
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?$/;

/** An ISO date (or timestamp) as date parts; other words stay words, or are dropped when `strict`. */
export function workDate(value: string | null | undefined, { strict = false } = {}): WorkDate | null {
  const text = value?.trim();
  if (!text) return null;
  const m = ISO_DATE.exec(text);
  if (!m) return strict ? null : { literal: text };
  const parts = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  return { parts: parts as [number] | [number, number] | [number, number, number] };
}

/** Newspaper and news-agency names: round 1's guess, used only when a source's type was never stored. */
const NEWSPAPER =
  /\b(times|post|herald|tribune|gazette|daily|chronicle|guardian|telegraph|observer|independent|courier|examiner|inquirer|globe|star|mail|express|reuters|associated press|news)\b/i;

/**
 * The CSL type when nobody stored one. A saved web page is a web page (or a newspaper article
 * when its site is a newspaper); a PDF or Word file is a document published by someone — a report
 * in CSL's vocabulary, which prints its publisher as the issuing institution; plain text and
 * Markdown, which Sourcebook mostly holds as captured articles, are treated as web pages.
 */
export function workType(mediaType: string, site: string | null): WorkType {
  if (mediaType === 'application/pdf' || mediaType.includes('wordprocessingml')) return 'report';
  return site && NEWSPAPER.test(site) ? 'article-newspaper' : 'webpage';
}

/** Types whose "where" is a container (site, newspaper, magazine, journal), printed in italics. */
const CONTAINED: ReadonlySet<WorkType> = new Set([
  'webpage',
  'post-weblog',
  'article-newspaper',
  'article-magazine',
  'article-journal',
  'chapter',
]);

const text = (value: string | null | undefined) => value?.trim() || null;

/** "https://doi.org/10.1/x", "doi:10.1/x" → "10.1/x": CSL's DOI field holds the name only. */
export const bareDoi = (doi: string | null) => text(doi)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '') || null;

export function workFromSource(source: WorkSource): CitableWork {
  const m = source.metadata;
  let containerTitle = text(m.containerTitle);
  let publisher = text(m.publisher);
  const type = m.type ?? workType(source.mediaType, containerTitle ?? publisher);
  // Before types were stored, a web page's "publisher" was its site name (og:site_name, JSON-LD
  // publisher): the container the page appeared in, which styles print in italics, not an imprint.
  if (!m.type && !containerTitle && CONTAINED.has(type)) [containerTitle, publisher] = [publisher, null];
  const title = text(m.title);
  return {
    id: source.id,
    type,
    title,
    titleShort: text(m.titleShort) ?? deriveShortTitle(title),
    authors: m.authors.filter((a) => ('literal' in a ? a.literal.trim() : a.family.trim())),
    issued: workDate(m.issued),
    accessed: workDate(text(m.accessed) ?? source.accessed, { strict: true }),
    containerTitle,
    publisher,
    publisherPlace: text(m.publisherPlace),
    // Checked again on the way out: an address stored before validation existed never leaves as a javascript: link.
    url: webAddress(m.url),
    doi: bareDoi(m.doi),
    issn: text(m.issn),
    isbn: text(m.isbn),
    volume: text(m.volume),
    issue: text(m.issue),
    page: text(m.pages),
    keywords: (source.tags ?? []).map((t) => t.trim()).filter(Boolean),
  };
}
