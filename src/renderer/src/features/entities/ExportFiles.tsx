import { useState } from 'react';
import { api } from '../../api';
import { downloadText } from '../export/download';

export type EntityExportInput = Parameters<ReturnType<typeof api>['entities']['exportFile']>[0];

interface Props {
  /** What the group is called for screen readers and on screen ("Export the graph"). */
  label: string;
  files: { label: string; input: EntityExportInput }[];
}

/** What a file's count counts, singular and plural (a graph counts its entities). */
const NOUNS: Record<EntityExportInput['what'], [string, string]> = {
  entities: ['entity', 'entities'],
  mentions: ['mention', 'mentions'],
  graph: ['entity', 'entities'],
  timeline: ['item', 'items'],
};

/** Buttons that download an entity view as a file, with the filters it shows, and say what they saved. */
export function ExportFiles({ label, files }: Props) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const download = async (input: EntityExportInput) => {
    setBusy(true);
    setResult(null);
    try {
      const file = await api().entities.exportFile(input);
      downloadText(file.fileName, file.mediaType, file.text);
      const [one, many] = NOUNS[input.what];
      setResult({ kind: 'ok', text: `Saved ${file.fileName}: ${file.count} ${file.count === 1 ? one : many}.` });
    } catch (error) {
      setResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="entity-export" role="group" aria-label={label}>
      <span>{label}:</span>
      {files.map((f) => (
        <button type="button" key={f.label} disabled={busy} onClick={() => void download(f.input)}>
          {f.label}
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
