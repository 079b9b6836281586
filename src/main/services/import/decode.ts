import { reject } from './failure';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Position of the first byte that breaks UTF-8, for a message the user can check in an editor. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes: a valid prefix may end mid-character, so allow 3 bytes of slack.
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
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
  const controls = text.length === 0 ? 0 : (text.slice(0, 65536).match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0);
  if (controls > 8 && controls > Math.min(text.length, 65536) / 1000) reject('contains control characters: this looks like binary data, not text');
  return normalizeForReading(text);
}

/** NFC so search and linking see one spelling of "é"; CRLF/CR as LF so lines are lines. */
export function normalizeForReading(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
