import type { ImportFormat } from '../../../shared/imports';
import { fitSourceMetadata } from '../../../shared/sourceMetadata';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { webAddress } from '../../../shared/url';
import { cleanMetadata, documentFromPlainText, type ExtractedDocument, emptyMetadata } from './document';
import { parseDocx } from './docx';
import { reject } from './failure';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';

export interface Extracted extends ExtractedDocument {
  format: ImportFormat;
}

const stem = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim() || null;

/** Bytes in, text and passages out; every refusal is an ImportError with a reason for the user. */
export async function extractDocument(
  bytes: Buffer,
  fileName: string,
  onProgress?: (fraction: number, label: string) => void,
): Promise<Extracted> {
  if (bytes.length === 0) reject('the file is empty');
  const format = detectFormat(fileName, bytes);
  let doc: ExtractedDocument;
  switch (format) {
    case 'text': {
      const text = decodeText(bytes);
      if (!text.trim()) reject('the file contains only whitespace, no text');
      doc = { ...documentFromPlainText(text), metadata: emptyMetadata(), canonicalUrl: null };
      doc.metadata.title = doc.passages[0]?.kind === 'title' ? doc.passages[0].text.slice(0, 300) : null;
      break;
    }
    case 'markdown': {
      const text = decodeText(bytes);
      if (!text.trim()) reject('the file contains only whitespace, no text');
      doc = parseMarkdown(text);
      break;
    }
    case 'html':
      doc = parseHtml(bytes);
      break;
    case 'pdf':
      doc = await parsePdf(bytes, (done, total) => onProgress?.(done / total, `page ${done} of ${total}`));
      break;
    case 'docx':
      doc = await parseDocx(bytes);
      break;
  }
  if (doc.passages.length === 0) reject('the file has no readable text');
  doc.metadata.title ??= stem(fileName);
  // What a file says about itself can be any length and hold anything: cleaned, then fitted to the library's limits.
  return { ...doc, metadata: fitSourceMetadata(cleanMetadata(doc.metadata)), canonicalUrl: webAddress(doc.canonicalUrl), format };
}
