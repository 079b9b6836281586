import './import.css';
import { useState, type FormEvent } from 'react';
import type { SourceDetail } from '../../../../shared/domain';
import { deriveShortTitle } from '../../../../shared/shortTitle';
import {
  CONFIDENCE_LABELS,
  FOUND_FIELDS,
  ORIGIN_LABELS,
  TEXT_FIELDS,
  WORK_TYPE_LABELS,
  WORK_TYPES,
  type FoundField,
  type SourceMetadata,
  type SourceMetadataEdit,
  type WorkType,
} from '../../../../shared/sourceMetadata';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { AuthorsEditor, fromRow, toRow, type AuthorRow } from './AuthorsEditor';
import { SuggestionsPanel } from './SuggestionsPanel';

type TextKey = Exclude<keyof SourceMetadataEdit, 'authors' | 'type'>;
type Fields = Record<TextKey, string>;

// The schema's text fields, and the note the form edits beside them.
const TEXT_KEYS: TextKey[] = [...TEXT_FIELDS, 'note'];

const toFields = (m: SourceMetadata): Fields => Object.fromEntries(TEXT_KEYS.map((k) => [k, m[k] ?? ''])) as Fields;

/** The form's groups: what the work is, when, where it appeared, how to find it. */
const GROUPS: { legend: string; fields: [TextKey, string, string][] }[] = [
  {
    legend: 'Dates',
    fields: [
      ['issued', 'Published', 'as the source states it, e.g. 2024-03-05 or Spring 2021'],
      ['accessed', 'Accessed', 'blank: the day the text was imported'],
    ],
  },
  {
    legend: 'Where it appeared',
    fields: [
      ['containerTitle', 'Published in', 'the site, newspaper or journal'],
      ['publisher', 'Publisher', 'or the issuing institution of a report'],
      ['publisherPlace', 'Place of publication', ''],
      ['volume', 'Volume', ''],
      ['issue', 'Issue', ''],
      ['pages', 'Pages', 'e.g. 361–365'],
    ],
  },
  {
    legend: 'Identifiers',
    fields: [
      ['doi', 'DOI', 'e.g. 10.1177/0022343319829798'],
      ['issn', 'ISSN', ''],
      ['isbn', 'ISBN', ''],
      ['url', 'URL', 'https://…'],
    ],
  },
];

/** Where import found a value and how sure it is; nothing once the person has edited the field. */
function FoundNote({ metadata, field }: { metadata: SourceMetadata; field: FoundField }) {
  const origin = metadata.found[field];
  if (!origin) return null;
  return (
    <small className={`found found-${origin.confidence}`}>
      From {ORIGIN_LABELS[origin.from]} · {CONFIDENCE_LABELS[origin.confidence]}
    </small>
  );
}

const isFound = (key: string): key is FoundField => (FOUND_FIELDS as readonly string[]).includes(key);

function Form({ source }: { source: SourceDetail }) {
  const m = source.metadata;
  const [fields, setFields] = useState<Fields>(() => toFields(m));
  const [type, setType] = useState<WorkType | ''>(m.type ?? '');
  const [authors, setAuthors] = useState<AuthorRow[]>(() => m.authors.map(toRow));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: TextKey) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, fields[k] || null]));
      await api().sources.updateMetadata({
        sourceId: source.id,
        metadata: { ...texts, type: type || null, authors: authors.map(fromRow).filter((a) => a !== null) },
      });
      navigate(routeHref('source', [source.id]));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const input = ([key, label, hint]: [TextKey, string, string]) => (
    <label key={key}>
      <span>{label}</span>
      <input name={key} value={fields[key]} placeholder={hint} onChange={(e) => set(key)(e.currentTarget.value)} />
      {isFound(key) && <FoundNote metadata={m} field={key} />}
    </label>
  );

  return (
    <form className="metadata-form" onSubmit={(e) => void submit(e)} aria-label="Source details">
      <label>
        <span>Type</span>
        <select name="type" value={type} onChange={(e) => setType(e.currentTarget.value as WorkType | '')}>
          <option value="">Not set (web pages and texts: web page; PDF and Word: report)</option>
          {WORK_TYPES.map((t) => (
            <option key={t} value={t}>
              {WORK_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <FoundNote metadata={m} field="type" />
      </label>
      {input(['title', 'Title', ''])}
      {input(['titleShort', 'Short title', `for short notes; blank: ${deriveShortTitle(fields.title) ?? 'the title'}`])}
      <AuthorsEditor rows={authors} onChange={setAuthors} />
      <FoundNote metadata={m} field="authors" />
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="metadata-group">
          <legend>{group.legend}</legend>
          {group.fields.map(input)}
        </fieldset>
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
