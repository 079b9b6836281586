import './import.css';
import { useState, type FormEvent } from 'react';
import type { SourceDetail, SourceMetadata } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { SuggestionsPanel } from './SuggestionsPanel';

type Fields = Record<'title' | 'authors' | 'issued' | 'publisher' | 'url' | 'note', string>;

const toFields = (m: SourceMetadata): Fields => ({
  title: m.title ?? '',
  authors: m.authors.join('; '),
  issued: m.issued ?? '',
  publisher: m.publisher ?? '',
  url: m.url ?? '',
  note: m.note ?? '',
});

const LABELS: [keyof Fields, string, string][] = [
  ['title', 'Title', ''],
  ['authors', 'Authors', 'separate several with ";"'],
  ['issued', 'Date', 'e.g. 2024-03-05'],
  ['publisher', 'Publisher', ''],
  ['url', 'URL', 'https://…'],
];

function Form({ source }: { source: SourceDetail }) {
  const [fields, setFields] = useState<Fields>(() => toFields(source.metadata));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api().sources.updateMetadata({
        sourceId: source.id,
        metadata: {
          title: fields.title || null,
          authors: fields.authors
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean),
          issued: fields.issued || null,
          publisher: fields.publisher || null,
          url: fields.url || null,
          note: fields.note || null,
        },
      });
      navigate(routeHref('source', [source.id]));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="metadata-form" onSubmit={(e) => void submit(e)} aria-label="Source details">
      {LABELS.map(([key, label, hint]) => (
        <label key={key}>
          <span>{label}</span>
          <input name={key} value={fields[key]} placeholder={hint} onChange={(e) => set(key)(e.currentTarget.value)} />
        </label>
      ))}
      <label>
        <span>Notes</span>
        <textarea name="note" rows={4} value={fields.note} onChange={(e) => set('note')(e.currentTarget.value)} />
      </label>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          Save
        </button>
        <a href={routeHref('source', [source.id])}>Cancel</a>
      </div>
    </form>
  );
}

/** Edits what the library says about a source; the original bytes and text are never changed. */
export function MetadataEditView({ sourceId }: { sourceId: string }) {
  const source = useLoad(() => api().sources.get({ id: sourceId }), `edit:${sourceId}`);
  return (
    <section className="metadata-edit" aria-labelledby="metadata-edit-title">
      <header className="view-header">
        <h1 id="metadata-edit-title">Edit source details</h1>
      </header>
      <Status state={source}>{(detail) => <Form source={detail} />}</Status>
      <SuggestionsPanel sourceId={sourceId} />
    </section>
  );
}
