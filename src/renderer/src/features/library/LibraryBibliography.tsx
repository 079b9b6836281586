import { useState } from 'react';
import { api } from '../../api';
import { BIBLIOGRAPHY_FORMATS, type BibliographyFormat } from '../../../../shared/export';
import { downloadText } from '../export/download';

const LABELS: Record<BibliographyFormat, string> = { csljson: 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' };

/** Every source in the library as a bibliography file for Zotero, pandoc or a reference manager. */
export function LibraryBibliography() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const download = async (format: BibliographyFormat) => {
    setBusy(true);
    setResult(null);
    try {
      const bib = await api().export.bibliography({ format });
      downloadText(bib.fileName, bib.mediaType, bib.text);
      setResult({ kind: 'ok', text: `Exported ${bib.count} source${bib.count === 1 ? '' : 's'} as ${bib.fileName}.` });
    } catch (error) {
      setResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library-bibliography" role="group" aria-label="Bibliography of the library">
      <span>Export the library’s bibliography:</span>
      {BIBLIOGRAPHY_FORMATS.map((f) => (
        <button type="button" key={f} disabled={busy} onClick={() => void download(f)}>
          {LABELS[f]}
        </button>
      ))}
      {result && (
        <p className={result.kind === 'ok' ? 'status' : 'status error'} role={result.kind === 'ok' ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
