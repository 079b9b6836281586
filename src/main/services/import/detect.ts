import type { ImportFormat } from '../../../shared/imports';
import { reject } from './failure';
import { extensionOf } from './filename';

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

export const MEDIA_TYPES: Record<ImportFormat, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const IMAGE_MAGIC: readonly (readonly number[])[] = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], ascii('GIF8')];

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'));
}

/**
 * The content decides where it is certain (a PDF named .txt is still a PDF); the extension decides
 * among text formats, which share their bytes. A mismatch the user would not expect is refused.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = extensionOf(fileName);
  const byExt = BY_EXTENSION[ext];
  if (startsWith(bytes, ascii('%PDF-')) || (bytes.length > 1024 && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (byExt === 'docx' || byExt === undefined) return 'docx';
    return reject(`is a zip archive, not ${ext.toUpperCase()} text`);
  }
  if (IMAGE_MAGIC.some((magic) => startsWith(bytes, magic))) return reject('is an image, not a document (images have no text to import)');
  if (byExt === 'pdf') return 'pdf';
  if (byExt === 'docx') return 'docx';
  if (byExt) return byExt === 'text' && looksLikeHtml(bytes) ? 'html' : byExt;
  if (looksLikeHtml(bytes)) return 'html';
  return reject(
    ext
      ? `unsupported file type (.${ext}); Sourcebook imports .txt, .md, .html, .pdf and .docx`
      : 'unsupported file type (no extension); Sourcebook imports .txt, .md, .html, .pdf and .docx',
  );
}
