/** Human output only; --json output is the contract's result as-is. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]!))).join('  ')).join('\n');
}

export const orUnknown = (value: string | null | undefined): string => (value && value.trim() ? value : 'unknown');
