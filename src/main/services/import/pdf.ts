import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizeWhitespace } from '../../../shared/text';
import { documentFromBlocks, type Block, type ExtractedDocument } from './document';
import { ImportError, reject } from './failure';
import type { FirstPage, LayoutItem } from './pdf-layout';
import { pdfMetadata } from './pdf-meta';

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

const PAGES_IN_FLIGHT = 8;

const isTextItem = (item: object): item is TextItem => 'str' in item;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
// The legacy build is the one pdf.js supports on Node; loaded lazily so text imports do not pay for it.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function standardFontDataUrl(): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return pathToFileURL(path.join(path.dirname(pkg), 'standard_fonts') + path.sep).href;
}

/** The pages whose text is searched for identifiers, the journal line and a stated date. */
const FRONT_PAGES = 2;

/** A run's type size is its transform's vertical scale; its baseline is the transform's y. */
const layoutItem = (item: TextItem): LayoutItem => ({
  str: item.str,
  x: item.transform[4] ?? 0,
  y: item.transform[5] ?? 0,
  size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height,
});

/** The text of a page as lines (runs up to each end of line), for the patterns in pdf-facts.ts. */
const textLines = (items: TextItem[]) =>
  items
    .map((i) => i.str + (i.hasEOL ? '\n' : ''))
    .join('')
    .split('\n')
    .map(normalizeWhitespace)
    .filter(Boolean);

/** Lines come from items ending in hasEOL; a vertical gap taller than a line starts a paragraph. */
function pageBlocks(items: TextItem[], page: number): Block[] {
  const blocks: Block[] = [];
  let paragraph = '';
  let line = '';
  let lineY: number | undefined;
  let lineHeight = 0;
  let previousY: number | undefined;
  let previousHeight = 0;

  const endLine = () => {
    const text = normalizeWhitespace(line);
    if (text) {
      const gap = previousY !== undefined && lineY !== undefined ? Math.abs(previousY - lineY) : 0;
      const height = Math.max(lineHeight, previousHeight, 1);
      if (paragraph && gap > height * 1.6) {
        blocks.push({ kind: 'paragraph', text: paragraph, page });
        paragraph = '';
      }
      // A word broken at the line end ("infor-" + "mation") is joined back.
      paragraph = paragraph
        ? /[a-z]-$/.test(paragraph) && /^[a-z]/.test(text)
          ? paragraph.slice(0, -1) + text
          : `${paragraph} ${text}`
        : text;
      previousY = lineY;
      previousHeight = lineHeight;
    }
    line = '';
    lineY = undefined;
    lineHeight = 0;
  };

  for (const item of items) {
    if (lineY === undefined && item.str.trim()) {
      lineY = item.transform[5];
      lineHeight = item.height || Math.abs(item.transform[3] ?? 0);
    }
    line += item.str;
    if (item.hasEOL) endLine();
  }
  endLine();
  if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph, page });
  return blocks;
}

function damaged(error: unknown): ImportError {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new ImportError('PDF is password-protected; remove the password and import again');
  const detail = error instanceof Error && error.message ? ` (${error.message.replace(/\s+/g, ' ').slice(0, 120)})` : '';
  return new ImportError(`PDF is damaged${detail}`);
}

/**
 * Text per page with pdf.js; eval is off so a font program can never be compiled into code, and
 * fonts are never installed. Passages carry their page number for citations.
 */
export async function parsePdf(
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
  fileStem: string | null = null,
): Promise<ExtractedDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: true,
    verbosity: 0,
    standardFontDataUrl: standardFontDataUrl(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw damaged(error);
  }
  try {
    // pdf.js answers page requests through its message loop; a few in flight keep it busy.
    const pageBlocksByNumber: Block[][] = [];
    const frontLines: string[][] = [];
    let firstPage: FirstPage | null = null;
    let next = 1;
    let done = 0;
    const readPages = async () => {
      while (next <= doc.numPages) {
        const n = next++;
        try {
          const page = await doc.getPage(n);
          const content = await page.getTextContent();
          const items = (content.items as object[]).filter(isTextItem);
          pageBlocksByNumber[n] = pageBlocks(items, n);
          if (n <= FRONT_PAGES) frontLines[n] = textLines(items);
          if (n === 1) firstPage = { items: items.map(layoutItem), top: page.view[3] ?? 0, bottom: page.view[1] ?? 0 };
          page.cleanup();
        } catch {
          throw new ImportError(`PDF is damaged (page ${n} of ${doc.numPages} cannot be read)`);
        }
        onPage?.(++done, doc.numPages);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages) }, readPages));
    const blocks = pageBlocksByNumber.flat();
    if (!blocks.some((b) => normalizeWhitespace(b.text).length > 0))
      reject('no text layer (scanned?): this PDF has only images of pages; run OCR on it first');

    const pdfInfo = await doc.getMetadata().catch(() => undefined);
    const metadata = pdfMetadata({
      info: (pdfInfo?.info ?? {}) as Record<string, unknown>,
      xmp: pdfInfo?.metadata ?? null,
      firstPage,
      lines: frontLines.flat(),
      fileStem,
    });
    const { text, passages } = documentFromBlocks(blocks);
    return { text, passages, metadata, canonicalUrl: null };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
