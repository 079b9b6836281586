import stringWidth from 'string-width';

/**
 * Human output only; --json output is the contract's result as-is. Columns are padded by the
 * width a terminal gives each cell (string-width: a Chinese or Japanese character takes two
 * columns, a combining mark none), not by its length in UTF-16 units.
 */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, col) => (widths[col] = Math.max(widths[col] ?? 0, stringWidth(cell))));
  return rows
    .map((r) =>
      r.map((cell, col) => (col === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[col]! - stringWidth(cell))))).join('  '),
    )
    .join('\n');
}

export const orUnknown = (value: string | null | undefined): string => (value && value.trim() ? value : 'unknown');
