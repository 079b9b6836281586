import { useState } from 'react';
import { batchToCsv, parseTerms } from '../../../../shared/batchCsv';
import type { BatchResult } from '../../../../shared/search';
import { api } from '../../api';
import { routeHref } from '../../app/route';

/** A list of terms (one per line, or a CSV file) → passages per term and source, exported as CSV. */
export function BatchSearch() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const terms = parseTerms(text);
  const run = () => {
    setRunning(true);
    setError(null);
    api()
      .search.batch({ terms })
      .then(setResult, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setRunning(false));
  };
  const readFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(setText, (e: unknown) => setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`));
  };
  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([batchToCsv(result)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'batch-search.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section className="batch-search" aria-label="Batch search">
      <h2>Batch search</h2>
      <label>
        Terms, one per line (or a CSV with the terms in its first column)
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={'Capvision\nMSS\n"forced labor"'} />
      </label>
      <div className="batch-actions">
        <label className="batch-file">
          Or read a file <input type="file" accept=".txt,.csv,text/plain,text/csv" onChange={(e) => readFile(e.target.files?.[0])} />
        </label>
        <button type="button" onClick={run} disabled={terms.length === 0 || running}>
          {running ? 'Searching…' : `Search ${terms.length} term${terms.length === 1 ? '' : 's'}`}
        </button>
        <button type="button" onClick={download} disabled={!result}>
          Export CSV
        </button>
      </div>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <table className="batch-table">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Source</th>
              <th scope="col">Passages</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.flatMap((row) => [
              <tr key={`${row.term}\u0000total`} className="batch-term">
                <th scope="row">
                  <a href={routeHref('search', [], { q: row.term })}>{row.term}</a>
                </th>
                <td>{row.problems.length > 0 ? row.problems.join(' ') : 'all sources'}</td>
                <td>{row.total}</td>
              </tr>,
              ...row.sources.map((s) => (
                <tr key={`${row.term}\u0000${s.sourceId}`}>
                  <td />
                  <td>
                    <a href={routeHref('search', [], { q: row.term, source: s.sourceId })}>{s.title}</a>
                  </td>
                  <td>{s.passages}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}
