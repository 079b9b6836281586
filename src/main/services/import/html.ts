import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseAuthorList } from '../../../shared/names';
import { normalizeWhitespace } from '../../../shared/text';
import { webAddress } from '../../../shared/url';
import { decodeText, normalizeForReading } from './decode';
import { blocksFromDom, NEVER_TEXT, type DomNode } from './dom-blocks';
import { documentFromBlocks, type Block, type ExtractedDocument } from './document';
import { reject } from './failure';
import { fill } from './found';
import { dateOnly, ldArticle, meta, pageMetadata } from './html-meta';

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

/** Only web addresses count as a page's identity; "javascript:" or file paths never do. */
/** A page's own address (canonical link, og:url, JSON-LD): http(s) or DOI only, without its fragment. */
export function canonicalUrl(raw: string | null | undefined): string | null {
  const checked = webAddress(raw);
  if (!checked) return null;
  const url = new URL(checked);
  url.hash = '';
  return url.toString();
}

/** The page's address: its canonical link, Open Graph URL or JSON-LD url, when it is a web address. */
function pageUrl(doc: Doc): string | null {
  const ld = ldArticle(doc);
  const ldPage =
    typeof ld?.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : (ld?.mainEntityOfPage as { '@id'?: string } | undefined)?.['@id'];
  return (
    canonicalUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    canonicalUrl(meta(doc, 'og:url')) ??
    canonicalUrl(typeof ld?.url === 'string' ? ld.url : null) ??
    canonicalUrl(ldPage)
  );
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
  const canonical = pageUrl(document);
  const metadata = pageMetadata(document, canonical);
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
  // Readability's reading of the byline and page: what the page shows, where its metadata is silent.
  if (byline.length < 120) fill(metadata, 'authors', parseAuthorList(byline), 'page-text', 'medium');
  fill(metadata, 'title', normalizeWhitespace(article?.title ?? ''), 'page-text', 'medium');
  fill(metadata, 'containerTitle', normalizeWhitespace(article?.siteName ?? ''), 'page-text', 'medium');
  fill(metadata, 'issued', dateOnly(article?.publishedTime), 'page-text', 'medium');

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
