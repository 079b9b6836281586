import { displayName, parseAuthorList, type AuthorName } from '../../../shared/names';
import type { SourceMetadata } from '../../../shared/sourceMetadata';
import { normalizeWhitespace } from '../../../shared/text';
import { emptyMetadata } from './document';
import { fill, set } from './found';
import { findDoi, findIsbn, findIssn, findJournalLine, findStatedDate } from './pdf-facts';
import { authorsFromLayout, linesOf, titleFromLayout, type FirstPage } from './pdf-layout';

/**
 * A PDF's metadata from the document itself, offline. In order of trust: XMP (prism and Dublin
 * Core, as publishers write them), the Info dictionary where it is plausible, then what the first
 * page shows (title by layout, author lines, the journal line, identifiers, a stated date). Every
 * value records where it came from and how sure it is; the file's creation and modification dates
 * are never taken for the work's date (a 2023 report saved again in 2026 is still from 2023).
 */
export interface PdfFacts {
  /** The Info dictionary as pdf.js gives it. */
  info: Record<string, unknown>;
  /** XMP properties by lower-case name (pdf.js's parse), or null. */
  xmp: { get(name: string): unknown } | null;
  firstPage: FirstPage | null;
  /** The text lines of the first pages, in reading order, for identifiers and the journal line. */
  lines: string[];
  /** The file name without its extension: a title equal to it is no title. */
  fileStem: string | null;
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** "01-valid", "sag-39-3-4-0902-21:sag-0", "Microsoft Word - draft3.docx": what tools put in a title field. */
export function looksLikeFileOrId(title: string, fileStem: string | null): boolean {
  const t = title.trim();
  if (t.length < 4 || /^[\d\s._:/-]+$/.test(t)) return true;
  if (fileStem && fold(t) === fold(fileStem)) return true;
  if (/\.(?:pdf|docx?|rtf|tex|dvi|indd|qxd|txt|odt|pages|e?ps|xml|html?)$/i.test(t)) return true;
  if (/^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|document\s*\d*$|new document|no title$|title$|slide \d+$)/i.test(t))
    return true;
  // One token with digits, dashes, underscores or colons is a catalogue number or a file name, not a title.
  return !/\s/.test(t) && (/[\d_:/\\]/.test(t) || /-/.test(t) || t.length > 30);
}

/** An author field holding the software, the account that made the file, or nobody. */
export function isSoftwareOrAccount(author: string): boolean {
  const a = author.trim();
  return (
    !a ||
    /[@\\]/.test(a) ||
    /^[a-z0-9._-]+$/.test(a) ||
    /^(?:microsoft office user|windows user|administrator|admin|user|owner|author|unknown|guest|default|anonymous|none)$/i.test(a) ||
    /\b(?:distiller|acrobat|latex|pdftex|xetex|ghostscript|microsoft|libreoffice|openoffice|quartz|printer|scanner|arbortext|indesign|pdf)\b/i.test(
      a,
    )
  );
}

/** A publishing house named where an author should be: it published the work, it did not write it. */
export function isPublisherName(name: string): boolean {
  return /\b(?:publications?|publishing|publishers?|press|elsevier|springer|wiley|sage|taylor\s*(?:&|and)\s*francis|routledge|informa|emerald|de gruyter|brill|ieee|mdpi|frontiers|hindawi|bmj|plos|jstor|ltd|inc|llc|gmbh|limited)\b/i.test(
    name,
  );
}

const text = (v: unknown) => (typeof v === 'string' && normalizeWhitespace(v) ? normalizeWhitespace(v) : null);
const xmpText = (facts: PdfFacts, ...names: string[]) => {
  for (const name of names) {
    const v = facts.xmp?.get(name);
    const value = Array.isArray(v) ? v.map(String).join('; ') : text(v);
    if (value && normalizeWhitespace(value)) return normalizeWhitespace(value);
  }
  return null;
};

function authorsFrom(field: string | null): AuthorName[] {
  if (!field || isSoftwareOrAccount(field) || isPublisherName(field)) return [];
  return parseAuthorList(field).filter((n) => !isSoftwareOrAccount(displayName(n)));
}

export function pdfMetadata(facts: PdfFacts): SourceMetadata {
  const m = emptyMetadata();
  const lines = facts.firstPage ? linesOf(facts.firstPage.items) : [];
  const layoutTitle = facts.firstPage ? titleFromLayout(facts.firstPage, lines) : null;

  // Title: declared (XMP, Info) unless it is a file name or an id; else the first page's largest type.
  for (const [declared, from] of [
    [xmpText(facts, 'dc:title'), 'xmp'],
    [text(facts.info.Title), 'document-info'],
  ] as const) {
    if (!declared || looksLikeFileOrId(declared, facts.fileStem)) continue;
    const agrees = !!layoutTitle && fold(layoutTitle.title).startsWith(fold(declared).slice(0, 40));
    fill(m, 'title', declared, from, agrees || from === 'xmp' ? 'high' : 'medium');
  }
  if (layoutTitle) fill(m, 'title', layoutTitle.title, 'first-page', layoutTitle.confidence);

  // Authors: declared ones if they name people or an institution (not the software, an account or
  // the publishing house); else the lines under the title.
  const xmpAuthors = authorsFrom(xmpText(facts, 'dc:creator'));
  fill(m, 'authors', xmpAuthors, 'xmp', 'high');
  const infoAuthor = text(facts.info.Author);
  const layoutAuthors = layoutTitle ? authorsFromLayout(lines, layoutTitle) : [];
  const infoAuthors = authorsFrom(infoAuthor);
  const families = new Set(layoutAuthors.map((n) => fold(displayName(n))));
  const confirmed = infoAuthors.some((n) => families.has(fold(displayName(n))));
  fill(m, 'authors', infoAuthors, 'document-info', confirmed ? 'high' : 'medium');
  fill(m, 'authors', layoutAuthors, 'first-page', 'medium');
  if (infoAuthor && isPublisherName(infoAuthor)) fill(m, 'publisher', infoAuthor, 'document-info', 'medium');

  // Identifiers and the journal line, as printed on the first pages.
  const all = facts.lines.join('\n');
  fill(
    m,
    'doi',
    xmpText(facts, 'prism:doi', 'dc:identifier')
      ?.replace(/^doi:\s*/i, '')
      .match(/^10\.\S+/)?.[0],
    'xmp',
    'high',
  );
  fill(m, 'doi', findDoi(all) ?? findDoi(text(facts.info.Subject) ?? ''), 'document-text', 'high');
  fill(m, 'issn', xmpText(facts, 'prism:issn', 'prism:eissn'), 'xmp', 'high');
  fill(m, 'issn', findIssn(all), 'document-text', 'high');
  fill(m, 'isbn', xmpText(facts, 'prism:isbn'), 'xmp', 'high');
  fill(m, 'isbn', findIsbn(all), 'document-text', 'high');

  fill(m, 'containerTitle', xmpText(facts, 'prism:publicationname'), 'xmp', 'high');
  fill(m, 'volume', xmpText(facts, 'prism:volume'), 'xmp', 'high');
  fill(m, 'issue', xmpText(facts, 'prism:number'), 'xmp', 'high');
  const startPage = xmpText(facts, 'prism:startingpage');
  const endPage = xmpText(facts, 'prism:endingpage');
  fill(m, 'pages', startPage && endPage ? `${startPage}–${endPage}` : startPage, 'xmp', 'high');
  const journal = findJournalLine([...lines.map((l) => l.text), ...facts.lines]);
  if (journal) {
    fill(m, 'containerTitle', journal.containerTitle || null, 'first-page', 'high');
    fill(m, 'volume', journal.volume, 'first-page', 'high');
    fill(m, 'issue', journal.issue, 'first-page', 'high');
    fill(m, 'pages', journal.pages, 'first-page', 'high');
  }
  if (m.containerTitle && (m.volume || m.doi)) fill(m, 'type', 'article-journal', m.found.containerTitle!.from, 'high');
  else if (m.isbn && !m.containerTitle) fill(m, 'type', 'book', 'document-text', 'medium');

  // The date only where the document states it: XMP's cover date, the journal line's year, a
  // published/cover date on the first page, a copyright year. Never CreationDate or ModDate.
  const cover = xmpText(facts, 'prism:coverdate', 'prism:publicationdate')?.match(/^\d{4}(?:-\d{2}(?:-\d{2})?)?/)?.[0];
  fill(m, 'issued', cover, 'xmp', 'high');
  fill(m, 'issued', journal?.year, 'first-page', 'high');
  const stated = findStatedDate([...lines.map((l) => l.text), ...facts.lines]);
  if (stated) fill(m, 'issued', stated.date, 'document-text', stated.confidence);
  // A year alone (copyright) gives way to a fuller stated date from the text.
  if (stated && m.issued && stated.date.startsWith(m.issued) && stated.date.length > m.issued.length)
    set(m, 'issued', stated.date, 'document-text', stated.confidence);
  return m;
}
