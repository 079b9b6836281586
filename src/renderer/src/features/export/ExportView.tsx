import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { useSettings } from '../../app/settings';
import { Status } from '../../ui/Status';
import {
  BIBLIOGRAPHY_EXTENSIONS,
  DEFAULT_EXPORT_OPTIONS,
  type BibliographyFormat,
  type ExportFormat,
  type ExportOptions,
  type ResolvedReport,
} from '../../../../shared/export';
import { CitationCheckList } from './CitationCheckList';
import { ExportOptionsForm, FORMAT_LABELS } from './ExportOptionsForm';
import { NoteOrder } from './NoteOrder';
import { ReportPreview } from './ReportPreview';
import { downloadBytes, downloadText } from './download';
import './export.css';

type PreviewState =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; report: ResolvedReport };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Live preview: re-rendered by the same service as the files, a moment after the last change. */
function usePreview(noteIds: string[], title: string, options: ExportOptions): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const key = JSON.stringify([noteIds, title, options]);
  useEffect(() => {
    if (noteIds.length === 0) return setState({ status: 'idle' });
    let current = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const timer = setTimeout(() => {
      api()
        .export.preview({ noteIds, options, ...(title.trim() ? { title: title.trim() } : {}) })
        .then(
          (report) => current && setState({ status: 'ready', report }),
          (error: unknown) => current && setState({ status: 'error', message: messageOf(error) }),
        );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` serialises every input of the preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the inputs are new arrays each render; `key` is their value
  }, [key]);
  return state;
}

/** #/export?notes=n-1,n-2: choose notes and options, check citations, preview, download. */
export function ExportView({ route }: { route: Route }) {
  const notes = useLoad(() => api().notes.list({}), 'notes', [{ kind: 'note' }]);
  const [chosen, setChosen] = useState<string[]>(() => (route.query.get('notes') ?? '').split(',').filter(Boolean));
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const { settings, loaded } = useSettings();
  const [options, setOptions] = useState<ExportOptions>(() => ({ ...DEFAULT_EXPORT_OPTIONS, style: settings.citationStyle }));
  // The writer's default style (Settings) once it has arrived; a choice made here wins after that.
  useEffect(() => {
    if (loaded) setOptions((o) => ({ ...o, style: settings.citationStyle }));
  }, [loaded]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the settings first arrive
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const preview = usePreview(chosen, title, options);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const file = await api().export.run({ noteIds: chosen, format, options, ...(title.trim() ? { title: title.trim() } : {}) });
      downloadBytes(file.fileName, file.mediaType, file.base64);
      const marked = file.check.problems.length ? ` ${file.check.problems.length} citation(s) are marked in it.` : '';
      setResult({ kind: 'ok', text: `Exported ${file.fileName} (${Math.ceil(file.bytes / 1024)} KB).${marked}` });
    } catch (error) {
      setResult({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const bibliography = async (bibFormat: BibliographyFormat) => {
    try {
      const bib = await api().export.bibliography({ format: bibFormat, noteIds: chosen });
      downloadText(bib.fileName, bib.mediaType, bib.text);
      setResult({ kind: 'ok', text: `Exported ${bib.count} source(s) as ${bib.fileName}.` });
    } catch (error) {
      setResult({ kind: 'error', text: messageOf(error) });
    }
  };

  const problems = preview.status === 'ready' ? preview.report.check.problems.length : 0;
  return (
    <div className="export-view">
      <header className="view-header">
        <h1>Export report</h1>
      </header>
      <div className="export-layout">
        <aside className="export-controls">
          <Status state={notes}>{(list) => <NoteOrder notes={list} chosen={chosen} onChange={setChosen} />}</Status>
          <label className="export-title">
            Report title
            <input
              type="text"
              value={title}
              maxLength={500}
              placeholder="Default: the first note's title"
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <ExportOptionsForm format={format} options={options} onFormat={setFormat} onOptions={setOptions} />
          {preview.status === 'ready' && <CitationCheckList check={preview.report.check} />}
          <div className="export-actions">
            <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void run()}>
              {busy ? 'Exporting…' : problems ? `Export anyway (${FORMAT_LABELS[format]})` : `Export ${FORMAT_LABELS[format]}`}
            </button>
            <div className="export-bib-buttons" aria-label="Bibliography of the cited sources">
              {(Object.keys(BIBLIOGRAPHY_EXTENSIONS) as BibliographyFormat[]).map((f) => (
                <button type="button" key={f} disabled={chosen.length === 0} onClick={() => void bibliography(f)}>
                  {{ csljson: 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' }[f]}
                </button>
              ))}
            </div>
            {result && (
              <p className={result.kind === 'ok' ? 'status' : 'status error'} role={result.kind === 'ok' ? 'status' : 'alert'}>
                {result.text}
              </p>
            )}
          </div>
        </aside>
        <div className="export-preview-pane">
          {preview.status === 'idle' && <p className="status">Choose notes to see the report.</p>}
          {preview.status === 'loading' && (
            <p className="status" role="status">
              Formatting citations…
            </p>
          )}
          {preview.status === 'error' && (
            <p className="status error" role="alert">
              {preview.message}
            </p>
          )}
          {preview.status === 'ready' && <ReportPreview report={preview.report} />}
        </div>
      </div>
    </div>
  );
}
