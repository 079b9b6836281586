import type { parseHTML } from 'linkedom';
import { parseAuthorList, parseName, type AuthorName } from '../../../shared/names';
import type { SourceMetadata, WorkType } from '../../../shared/sourceMetadata';
import { normalizeWhitespace } from '../../../shared/text';
import { emptyMetadata } from './document';
import { fill } from './found';

type Doc = ReturnType<typeof parseHTML>['document'];
type Json = Record<string, unknown>;

/**
 * What a saved web page says about itself, read from its structured data (JSON-LD, schema.org)
 * first, then its meta tags (Highwire Press `citation_*` tags as Google Scholar reads them, Open
 * Graph, Dublin Core). Every value is what the page states; nothing is looked up elsewhere.
 */

export function metaContents(doc: Doc, key: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`))
    .map((el) => normalizeWhitespace(el.getAttribute('content') ?? ''))
    .filter(Boolean);
}

export const meta = (doc: Doc, ...keys: string[]): string | null => {
  for (const key of keys) {
    const value = metaContents(doc, key)[0];
    if (value) return value;
  }
  return null;
};

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
const str = (v: unknown) => (typeof v === 'string' && normalizeWhitespace(v) && !isUrl(v.trim()) ? normalizeWhitespace(v) : null);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (node: unknown): string[] => (node && typeof node === 'object' ? list((node as Json)['@type']).map(String) : []);

/** JSON-LD people and organisations as CSL names: structured where the page gives the parts. */
function ldNames(value: unknown): AuthorName[] {
  return list(value).flatMap((node): AuthorName[] => {
    if (typeof node === 'string') return isUrl(node) ? [] : parseAuthorList(node);
    if (!node || typeof node !== 'object') return [];
    const record = node as Json;
    const name = str(record.name);
    if (typesOf(record).some((t) => /Organization|Corporation|NewsMediaOrganization|GovernmentOrganization/i.test(t)))
      return name ? [{ literal: name }] : [];
    const family = str(record.familyName);
    const given = str(record.givenName);
    if (family) return [given ? { family, given } : { family }];
    return name ? [parseName(name)] : [];
  });
}

const nameOf = (value: unknown): string | null => {
  for (const node of list(value)) {
    const name = typeof node === 'string' ? str(node) : node && typeof node === 'object' ? str((node as Json).name) : null;
    if (name) return name;
  }
  return null;
};

/** JSON-LD is read with JSON.parse only: a script element's text is data here, never code. */
function jsonLdNodes(doc: Doc): Json[] {
  const nodes: Json[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    const record = node as Json;
    if (record['@graph']) collect(record['@graph']);
    if (record['@type']) nodes.push(record);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the meta tags still count.
    }
  }
  return nodes;
}

/** schema.org types as CSL types, where the page says what it is. A plain "Article" says too little. */
const LD_TYPES: [RegExp, WorkType][] = [
  [/NewsArticle$/, 'article-newspaper'],
  [/ScholarlyArticle$/, 'article-journal'],
  [/BlogPosting$/, 'post-weblog'],
  [/^Report$/, 'report'],
  [/^Book$/, 'book'],
  [/^Chapter$/, 'chapter'],
  [/^Thesis$/, 'thesis'],
  [/^Legislation/, 'legislation'],
];

export function ldArticle(doc: Doc): Json | undefined {
  const articles = jsonLdNodes(doc).filter((n) =>
    typesOf(n).some((t) => /Article|BlogPosting|Report|WebPage|CreativeWork|Book|Chapter|Thesis|Legislation/i.test(t)),
  );
  return articles.find((c) => c.headline) ?? articles.find((c) => !typesOf(c).includes('WebPage')) ?? articles[0];
}

const dateOnly = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const iso = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  if (iso) return iso[0];
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? normalizeWhitespace(value).slice(0, 40) || null : parsed.toISOString().slice(0, 10);
};
export { dateOnly };

/** The page's own statements about itself; `canonical` is its web address if it gives one. */
export function pageMetadata(doc: Doc, canonical: string | null): SourceMetadata {
  const m = emptyMetadata();
  const ld = ldArticle(doc);
  const types = typesOf(ld);
  const ldType = LD_TYPES.find(([pattern]) => types.some((t) => pattern.test(t)))?.[1];
  const journal = meta(doc, 'citation_journal_title');

  fill(m, 'title', str(ld?.headline) ?? str(ld?.name), 'json-ld', 'high');
  fill(m, 'title', meta(doc, 'citation_title', 'og:title', 'twitter:title', 'dc.title', 'DC.title'), 'meta-tags', 'high');
  fill(m, 'title', normalizeWhitespace(doc.querySelector('title')?.textContent ?? ''), 'meta-tags', 'medium');

  fill(m, 'authors', ldNames(ld?.author), 'json-ld', 'high');
  const citationAuthors = metaContents(doc, 'citation_author').flatMap(parseAuthorList);
  fill(m, 'authors', citationAuthors, 'meta-tags', 'high');
  const metaAuthor = meta(doc, 'author', 'article:author', 'dc.creator', 'DC.creator');
  if (metaAuthor && !isUrl(metaAuthor)) fill(m, 'authors', parseAuthorList(metaAuthor), 'meta-tags', 'medium');

  fill(m, 'issued', dateOnly(str(ld?.datePublished)), 'json-ld', 'high');
  const metaDate = meta(
    doc,
    'citation_publication_date',
    'citation_date',
    'article:published_time',
    'dc.date',
    'DC.date',
    'date',
    'datePublished',
  );
  fill(m, 'issued', dateOnly(metaDate), 'meta-tags', 'high');

  if (ldType) fill(m, 'type', ldType, 'json-ld', 'high');
  if (journal) fill(m, 'type', 'article-journal', 'meta-tags', 'high');

  // Where the page appeared: the journal, the periodical or site it is part of, the site's name.
  const partOf = list(ld?.isPartOf).find((p) =>
    typesOf(p).some((t) => /Periodical|Newspaper|Blog|WebSite|PublicationIssue|PublicationVolume/.test(t)),
  );
  fill(m, 'containerTitle', journal, 'meta-tags', 'high');
  fill(m, 'containerTitle', nameOf(partOf), 'json-ld', 'high');
  fill(m, 'containerTitle', meta(doc, 'og:site_name'), 'meta-tags', 'high');
  const ldPublisher = nameOf(ld?.publisher);
  // A news site's publisher is usually the newspaper itself: then it is the container, not a second name.
  if (!m.containerTitle && ldPublisher) fill(m, 'containerTitle', ldPublisher, 'json-ld', 'medium');
  else if (ldPublisher && ldPublisher !== m.containerTitle) fill(m, 'publisher', ldPublisher, 'json-ld', 'high');
  const metaPublisher = meta(doc, 'citation_publisher', 'dc.publisher', 'DC.publisher');
  if (metaPublisher !== m.containerTitle) fill(m, 'publisher', metaPublisher, 'meta-tags', 'high');

  fill(m, 'volume', meta(doc, 'citation_volume'), 'meta-tags', 'high');
  fill(m, 'issue', meta(doc, 'citation_issue'), 'meta-tags', 'high');
  const first = meta(doc, 'citation_firstpage');
  const last = meta(doc, 'citation_lastpage');
  fill(m, 'pages', first && last ? `${first}–${last}` : first, 'meta-tags', 'high');
  fill(
    m,
    'doi',
    meta(doc, 'citation_doi', 'dc.identifier.doi')?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''),
    'meta-tags',
    'high',
  );
  fill(m, 'issn', meta(doc, 'citation_issn'), 'meta-tags', 'high');
  fill(m, 'isbn', meta(doc, 'citation_isbn'), 'meta-tags', 'high');
  fill(m, 'url', canonical, 'meta-tags', 'high');
  return m;
}
