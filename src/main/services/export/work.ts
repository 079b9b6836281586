import type { SourceMetadata } from '../../../shared/domain';
import { webAddress } from '../../../shared/url';

/**
 * A source as a citable work: the one description every output is made from (citeproc's CSL
 * items, CSL-JSON, BibTeX and RIS). Round 1 derives it from the metadata the notebook stores
 * today (title, authors as strings, issued, publisher, url) and the source's media type; round 2
 * stores the richer fields (structured names, container title, DOI, volume/issue/pages, short
 * title, type) and fills them here directly, so no output format changes.
 */
export type WorkType = 'webpage' | 'article-newspaper' | 'article-journal' | 'report' | 'book' | 'document';

/** A CSL name: a person's parts, or an organisation (or anyone) written whole. */
export type WorkName =
  { family: string; given?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string } | { literal: string };

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
  /** When the text was captured: the access date styles print for web pages. */
  accessed: WorkDate | null;
  /** The site, newspaper or journal the work appeared in. */
  containerTitle: string | null;
  /** Publisher or issuing institution (reports, books). */
  publisher: string | null;
  url: string | null;
  doi: string | null;
  volume: string | null;
  issue: string | null;
  page: string | null;
}

/** What a work is made from; `accessed` is an ISO date or timestamp. */
export interface WorkSource {
  id: string;
  metadata: SourceMetadata;
  mediaType: string;
  accessed?: string | null;
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

const ORGANISATION =
  /\b(team|staff|office|ministry|agency|institute|department|editors?|news|press|group|association|university|council|committee|foundation|centre|center|bureau|service|board|society|times|post|reuters|bbc|cnn)\b/i;

/**
 * Splits "Given Family" the way bibliographies list people; organisations stay whole. This is
 * round 1's guess from a single string; round 2 stores names structured and editable, and this
 * function is only used for names that were never structured.
 */
export function guessName(name: string): WorkName {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const words = trimmed.split(' ');
  const looksLikePerson =
    words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && !ORGANISATION.test(trimmed);
  if (!looksLikePerson) return { literal: trimmed };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

/** Words a short title never ends on (CMOS 14.30 keeps the key words). */
const TRAILING = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'as',
  'with',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'from',
  'about',
  'against',
]);

/**
 * CMOS 14.30: a short title is the main title without its subtitle, with no more than four words,
 * keeping the key words; an initial article may go. APA, MLA and Harvard use the same short title
 * for in-text citations of works without an author.
 */
export function deriveShortTitle(title: string | null): string | null {
  const full = title?.trim().replace(/\s+/g, ' ');
  if (!full) return null;
  const main = full.split(/\s*(?::\s|\s[–—]\s|\s-\s)/)[0]!.trim() || full;
  let words = main.split(' ').filter(Boolean);
  if (words.length > 1 && /^(a|an|the)$/i.test(words[0]!)) words = words.slice(1);
  if (words.length > 4) {
    words = words.slice(0, 4);
    while (words.length > 1 && TRAILING.has(words.at(-1)!.toLowerCase())) words.pop();
  }
  const short = words.join(' ').replace(/[,;:.]+$/, '');
  return short && short !== full ? short : null;
}

/** Newspaper and news-agency names; round 2 stores the type and reads JSON-LD's NewsArticle at import. */
const NEWSPAPER =
  /\b(times|post|herald|tribune|gazette|daily|chronicle|guardian|telegraph|observer|independent|courier|examiner|inquirer|globe|star|mail|express|reuters|associated press|news)\b/i;

/**
 * The CSL type. A saved web page is a web page (or a newspaper article when its site is a
 * newspaper); a PDF or Word file is a document published by someone — a report in CSL's
 * vocabulary, which prints its publisher as the issuing institution; plain text and Markdown,
 * which Sourcebook mostly holds as captured articles, are treated as web pages.
 */
export function workType(mediaType: string, site: string | null): WorkType {
  if (mediaType === 'application/pdf' || mediaType.includes('wordprocessingml')) return 'report';
  return site && NEWSPAPER.test(site) ? 'article-newspaper' : 'webpage';
}

export function workFromSource(source: WorkSource): CitableWork {
  const m = source.metadata;
  const publisher = m.publisher?.trim() || null;
  const type = workType(source.mediaType, publisher);
  // A web page's "publisher" as imported is its site name (og:site_name, JSON-LD publisher): the
  // container the page appeared in, which styles print in italics, not a book's imprint.
  const isContained = type === 'webpage' || type === 'article-newspaper';
  const title = m.title?.trim() || null;
  return {
    id: source.id,
    type,
    title,
    titleShort: deriveShortTitle(title),
    authors: m.authors
      .map((a) => a.trim())
      .filter(Boolean)
      .map(guessName),
    issued: workDate(m.issued),
    accessed: workDate(source.accessed, { strict: true }),
    containerTitle: isContained ? publisher : null,
    publisher: isContained ? null : publisher,
    // Checked again on the way out: an address stored before validation existed never leaves as a javascript: link.
    url: webAddress(m.url),
    doi: null,
    volume: null,
    issue: null,
    page: null,
  };
}
