/**
 * Bidirectional overrides and isolates can make "gpj.exe" read as "exe.jpg", and control characters
 * can break a terminal or a log line; neither belongs in a name shown to the user.
 */
// Built from a string so the source holds no raw control characters: C0, DEL and C1 controls, and bidi marks.
const DECEPTIVE = new RegExp('[\\p{Cc}\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]', 'gu');

export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const cleaned = base.replace(DECEPTIVE, '').normalize('NFC').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 255) : 'unnamed file';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
