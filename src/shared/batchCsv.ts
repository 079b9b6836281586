import Papa from 'papaparse';
import type { BatchResult } from './search';

/**
 * Batch search terms and results as CSV (papaparse, both ways). Terms: one per line, or a CSV
 * whose first column holds them (a header cell "term" or "terms" is skipped). Results: one row
 * per term and source, quoted where needed, and a cell that a spreadsheet would run as a formula
 * (starting with = + - @) is prefixed with an apostrophe.
 */
export function parseTerms(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const terms = parsed.data.map((row) => (row[0] ?? '').trim()).filter((t) => t.length > 0);
  if (terms.length > 0 && /^terms?$/i.test(terms[0]!)) terms.shift();
  return [...new Set(terms)];
}

const FORMULA = /^[=+\-@\t\r]/;
const safe = (cell: string | number) => (typeof cell === 'string' && FORMULA.test(cell) ? `'${cell}` : cell);

export function batchToCsv(result: BatchResult): string {
  const rows: (string | number)[][] = [];
  for (const row of result.rows) {
    if (row.sources.length === 0) rows.push([row.term, '', '', 0, row.total]);
    for (const s of row.sources) rows.push([row.term, s.sourceId, s.title, s.passages, row.total]);
  }
  return (
    Papa.unparse({ fields: ['term', 'source_id', 'source_title', 'passages', 'term_total'], data: rows.map((r) => r.map(safe)) }) + '\r\n'
  );
}
