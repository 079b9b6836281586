import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceMetadata } from '../../../shared/domain';
import { normalizeWhitespace } from '../../../shared/text';
import { webAddress } from '../../../shared/url';
import { decodeText, normalizeForReading } from './decode';
import { blocksFromDom, NEVER_TEXT, type DomNode } from './dom-blocks';
import { documentFromBlocks, emptyMetadata, type Block, type ExtractedDocument } from './document';
import { reject } from './failure';

type Doc = ReturnType<typeof parseHTML>['document'];

/** Saved pages declare their encoding in a meta tag; without one they must be UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8' || bytes[0] === 0xff || bytes[0] === 0xfe) return decodeText(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    return reject(`declares an unknown character set "${declared.slice(0, 40)}"`);
  }
  if (bytes.includes(0)) reject('contains NUL bytes: this looks like binary data, not a web page');
  try {
    return normalizeForReading(decoder.decode(bytes));
  } catch {
    return reject(`is not valid ${declared} text, though it says it is`);
  }
}

const meta = (doc: Doc, ...keys: string[]): string | null => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = normalizeWhitespace(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return null;
};

/** Only web addresses count as a page's identity; "javascript:" or file paths never do. */
/** A page's own address (canonical link, og:url, JSON-LD): http(s) or DOI only, without its fragment. */
export function canonicalUrl(raw: string | null | undefined): string | null {
  const checked = webAddress(raw);
  if (!checked) return null;
  const url = new URL(checked);
  url.hash = '';
  return url.toString();
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

function names(value: unknown): string[] {
  if (!value) return [];
  if (typeof value === 'string') return isUrl(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'object' && 'name' in value) return names((value as { name: unknown }).name);
  return [];
}

interface JsonLdArticle {
  headline?: string;
  name?: string;
  author?: unknown;
  datePublished?: string;
  publisher?: unknown;
  url?: string;
  mainEntityOfPage?: unknown;
}

/** JSON-LD is read with JSON.parse only: a script element's text is data here, never code. */
function jsonLd(doc: Doc): JsonLdArticle | undefined {
  const candidates: JsonLdArticle[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['@graph']) collect(record['@graph']);
    const types = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
    if (types.some((t) => /Article|BlogPosting|Report|WebPage|CreativeWork/i.test(t))) candidates.push(record as JsonLdArticle);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the meta tags still count.
    }
  }
  return candidates.find((c) => c.headline) ?? candidates[0];
}

const dateOnly = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const iso = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  if (iso) return iso[0];
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? normalizeWhitespace(value).slice(0, 40) || null : parsed.toISOString().slice(0, 10);
};

function pageMetadata(doc: Doc): { metadata: SourceMetadata; canonical: string | null } {
  const ld = jsonLd(doc);
  const ldPage =
    typeof ld?.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : (ld?.mainEntityOfPage as { '@id'?: string } | undefined)?.['@id'];
  const canonical =
    canonicalUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    canonicalUrl(meta(doc, 'og:url')) ??
    canonicalUrl(ld?.url) ??
    canonicalUrl(ldPage);
  const metaAuthor = meta(doc, 'author', 'article:author', 'citation_author', 'dc.creator', 'DC.creator');
  return {
    metadata: {
      ...emptyMetadata(),
      title:
        normalizeWhitespace(ld?.headline ?? '') ||
        meta(doc, 'og:title', 'twitter:title', 'citation_title', 'dc.title') ||
        normalizeWhitespace(doc.querySelector('title')?.textContent ?? '') ||
        null,
      authors: [...new Set(names(ld?.author).map(normalizeWhitespace).filter(Boolean))].concat(
        names(ld?.author).length === 0 && metaAuthor && !isUrl(metaAuthor) ? [metaAuthor] : [],
      ),
      issued: dateOnly(
        ld?.datePublished ??
          meta(doc, 'article:published_time', 'citation_publication_date', 'date', 'dc.date', 'DC.date', 'datePublished'),
      ),
      publisher: names(ld?.publisher)[0] ?? meta(doc, 'og:site_name', 'citation_publisher', 'dc.publisher'),
      url: canonical,
    },
    canonical,
  };
}

function removeInert(doc: Doc): void {
  for (const tag of NEVER_TEXT) {
    if (tag === 'HEAD' || tag === 'TITLE') continue;
    for (const el of Array.from(doc.querySelectorAll(tag.toLowerCase()))) el.remove();
  }
}

/**
 * A saved web page becomes its article's text. linkedom builds a DOM without a browser: it has
 * no network stack, loads no resource and runs no script, so nothing in the page is fetched or run.
 */
export function parseHtml(bytes: Uint8Array): ExtractedDocument {
  const html = decodeHtml(bytes);
  if (!html.trim()) reject('the file has no text');
  const { document } = parseHTML(html);
  const { metadata, canonical } = pageMetadata(document);
  removeInert(document);

  let article: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    content?: unknown;
  } | null;
  try {
    article = new Readability(document.cloneNode(true) as unknown as Document, {
      serializer: (el: Node) => el,
      charThreshold: 200,
    }).parse();
  } catch {
    article = null;
  }
  const articleRoot = article?.content as DomNode | undefined;
  let body: Block[] = articleRoot ? blocksFromDom(articleRoot) : [];
  const articleText = body.reduce((n, b) => n + b.text.trim().length, 0);
  // Readability gives up on short or unusual pages; then the whole body is better than nothing.
  if (articleText < 40) body = blocksFromDom((document.body ?? document.documentElement) as unknown as DomNode);

  const byline = normalizeWhitespace(article?.byline ?? '').replace(/^by\s+/i, '');
  if (metadata.authors.length === 0 && byline && byline.length < 120)
    metadata.authors = byline.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  metadata.title ??= normalizeWhitespace(article?.title ?? '') || null;
  metadata.publisher ??= normalizeWhitespace(article?.siteName ?? '') || null;
  metadata.issued ??= dateOnly(article?.publishedTime);

  const firstHeading = body.findIndex((b) => b.kind === 'heading');
  const titleInBody = firstHeading !== -1 && metadata.title !== null && normalizeWhitespace(body[firstHeading]!.text) === metadata.title;
  if (titleInBody) body[firstHeading] = { ...body[firstHeading]!, kind: 'title' };
  const head: Block[] = [];
  if (!titleInBody && metadata.title) head.push({ kind: 'title', text: metadata.title });
  if (byline) head.push({ kind: 'byline', text: article!.byline! });

  const { text, passages } = documentFromBlocks([...head, ...body]);
  if (!passages.some((p) => p.kind !== 'title' && p.kind !== 'byline')) reject('the page has no readable text');
  return { text, passages, metadata, canonicalUrl: canonical };
}
