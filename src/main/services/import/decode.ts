import { stripControls } from '../../../shared/text';
import { reject } from './failure';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that breaks UTF-8, for a message the user can check in a hex editor. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/**
 * Text files must say what they are: UTF-8 (with or without BOM) or UTF-16 with a BOM. Guessing a
 * legacy code page would store wrong text silently, which is worse than asking the user to convert.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) reject('the file is empty');
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) reject(`not valid ${encoding.toUpperCase()} text (odd number of bytes)`);
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return reject(`not valid ${encoding.toUpperCase()} text`);
    }
  } else {
    if (bytes.includes(0)) reject('contains NUL bytes: this looks like binary data, not text');
    try {
      text = utf8.decode(bytes);
    } catch {
      return reject(`not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8 and import again`);
    }
  }
  if (text.includes('\u0000')) reject('contains NUL characters: this looks like binary data, not text');
  // Control characters other than tab/newline/CR/form feed are a sign of binary data.
  let controls = 0;
  const head = text.slice(0, 65536);
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if ((code >= 0x01 && code <= 0x08) || (code >= 0x0e && code <= 0x1f) || code === 0x7f) controls++;
  }
  if (controls > 8 && controls > Math.min(text.length, 65536) / 1000)
    reject('contains control characters: this looks like binary data, not text');
  return normalizeForReading(text);
}

/**
 * NFC so search and linking see one spelling of "é"; CRLF/CR as LF so lines are lines; other
 * control characters removed (they mean nothing in text, and ESC sequences rewrite terminals).
 */
export function normalizeForReading(text: string): string {
  return stripControls(text.replace(/^\ufeff/, '')).normalize('NFC');
}
