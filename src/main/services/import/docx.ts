import mammoth from 'mammoth';
import { DOMParser, parseHTML } from 'linkedom';
import { normalizeWhitespace } from '../../../shared/text';
import { blocksFromDom, type DomNode } from './dom-blocks';
import { documentFromBlocks, emptyMetadata, type ExtractedDocument } from './document';
import { ImportError, reject } from './failure';
import { checkZip, entryData } from './zip';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** docProps/core.xml is read by an XML parser (htmlparser2, linear), not by regular expressions that backtrack. */
function coreProperties(xml: string): (tag: string) => string | null {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as {
    getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
  };
  return (tag) => normalizeWhitespace(doc.getElementsByTagName(tag)[0]?.textContent ?? '') || null;
}

/**
 * mammoth converts the document body to HTML, which is then read as text like a web page. External
 * file access stays off (mammoth < 1.11 read local files named by image links), and images are
 * never read: only their alt text could matter, and it is not the document's text.
 */
export async function parseDocx(bytes: Buffer): Promise<ExtractedDocument> {
  if (OLE.every((b, i) => bytes[i] === b))
    reject('is an old-format Word .doc or an encrypted document, not DOCX; save it as .docx and import again');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) reject('DOCX is not a valid archive (not a zip file)');
  const entries = checkZip(bytes, 'DOCX');
  if (!entries.some((e) => e.name === 'word/document.xml'))
    reject('DOCX is not a valid archive (no word/document.xml: not a Word document)');

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, {
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    } as Parameters<typeof mammoth.convertToHtml>[1]);
    html = result.value;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`DOCX is damaged (${error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 120) : 'unreadable'})`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = blocksFromDom(document.body as unknown as DomNode);
  const metadata = emptyMetadata();
  const core = entries.find((e) => e.name === 'docProps/core.xml');
  if (core) {
    const coreProperty = coreProperties(entryData(bytes, core, 'DOCX').toString('utf8'));
    metadata.title = coreProperty('dc:title');
    metadata.authors =
      coreProperty('dc:creator')
        ?.split(/\s*;\s*/)
        .filter(Boolean) ?? [];
    metadata.issued = coreProperty('dcterms:created')?.slice(0, 10) ?? null;
  }
  // Word's "Title" style comes out as a first heading; the first heading then titles the document.
  const first = blocks.findIndex((b) => b.kind === 'heading');
  if (first === 0) blocks[0] = { ...blocks[0]!, kind: 'title' };
  metadata.title ??= first === 0 ? normalizeWhitespace(blocks[0]!.text) : null;
  const { text, passages } = documentFromBlocks(blocks);
  if (passages.length === 0) reject('the document has no text');
  return { text, passages, metadata, canonicalUrl: null };
}
