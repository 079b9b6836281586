import tsCharacters from 'opencc-js/dict/TSCharacters';
import { foldForMatch } from './text';

/**
 * Traditional Chinese characters folded to simplified ones, one character for one, from OpenCC's
 * character table (opencc-js, Apache-2.0 data): 國家安全部 and 国家安全部 then search and link
 * alike. Only pairs of the same UTF-16 length are kept, so a folded text keeps every offset (the
 * entity linker maps matches back character by character). Folding by character, not by phrase,
 * can join two words that differ only in their traditional form (乾 and 干); for finding text
 * that is the right side to err on.
 */
let table: Map<string, string> | null = null;

function variants(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const entry of tsCharacters.split('|')) {
    const [traditional, simplified] = entry.split(' ');
    if (traditional && simplified && traditional !== simplified && traditional.length === simplified.length)
      table.set(traditional, simplified);
  }
  return table;
}

/** The text with each traditional character that has a simplified form replaced by it; the same length. */
export function toSimplified(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    // Han characters only (extension A, unified, compatibility, and B–F by their lead surrogates).
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) {
      const simple = variants().get(text.slice(i, i + width));
      if (simple !== undefined) {
        out += text.slice(copied, i) + simple;
        copied = i + width;
      }
    }
    i += width;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Text folded for finding as a person types: case, accents and quote marks as `foldForMatch`, and
 * traditional characters as simplified, so 國家安全部 finds 国家安全部 in the reader's find bar and
 * the note and entity pickers. The same length per character, as `toSimplified`. Not used for
 * keys kept in SQLite (`foldForMatch` is), which older notebooks hold as they were written.
 */
export function foldForFinding(text: string): string {
  return toSimplified(foldForMatch(text));
}
