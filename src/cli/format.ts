import { eastAsianWidth } from 'get-east-asian-width';

/** Combining marks and format characters (zero-width joiners, direction marks) take no column. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/**
 * The columns a terminal gives a text: Chinese and Japanese characters take two (Unicode's East
 * Asian Width, get-east-asian-width), combining marks none. Not string-width: it builds an
 * Intl.Segmenter when loaded, 20 ms on every command for a table few commands print.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (cp < 0x300) width++;
    else if (!ZERO_WIDTH.test(ch)) width += eastAsianWidth(cp);
  }
  return width;
}

/** Human output only; --json output is the contract's result as-is. Columns are padded by `displayWidth`. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, col) => (widths[col] = Math.max(widths[col] ?? 0, displayWidth(cell))));
  return rows
    .map((r) =>
      r.map((cell, col) => (col === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[col]! - displayWidth(cell))))).join('  '),
    )
    .join('\n');
}

export const orUnknown = (value: string | null | undefined): string => (value && value.trim() ? value : 'unknown');
