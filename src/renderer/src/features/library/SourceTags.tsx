import { useState, type FormEvent } from 'react';
import type { SourceSummary } from '../../../../shared/domain';
import { TAG_MAX_LENGTH } from '../../../../shared/sourceTags';
import { api } from '../../api';
import './library.css';

interface Props {
  source: Pick<SourceSummary, 'id' | 'tags' | 'metadata' | 'deletedAt'>;
  /** Called with the source as saved; open lists also refresh from the change feed. */
  onChange?: (source: SourceSummary) => void;
  /** Choosing a tag (e.g. to filter the library by it). */
  onChoose?: (tag: string) => void;
}

/** A source's tags: each removable, and a small form to add one. Tags are plain text, never markup. */
export function SourceTags({ source, onChange, onChoose }: Props) {
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = source.metadata.title ?? source.id;
  const editable = !source.deletedAt;

  const run = (call: Promise<SourceSummary>, after?: () => void) =>
    void call.then(
      (saved) => {
        setError(null);
        after?.();
        onChange?.(saved);
      },
      (e: Error) => setError(e.message),
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return setAdding(false);
    run(api().sources.tag({ sourceId: source.id, tags: [draft] }), () => {
      setDraft('');
      setAdding(false);
    });
  };

  return (
    <div className="source-tags" role="group" aria-label={`Tags of “${name}”`}>
      {source.tags.map((tag) => (
        <span key={tag} className="tag source-tag">
          {onChoose ? (
            <button type="button" className="tag-name link-button" title={`Show sources tagged “${tag}”`} onClick={() => onChoose(tag)}>
              {tag}
            </button>
          ) : (
            <span className="tag-name">{tag}</span>
          )}
          {editable && (
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag “${tag}” from “${name}”`}
              onClick={() => run(api().sources.untag({ sourceId: source.id, tags: [tag] }))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {editable &&
        (adding ? (
          <form className="tag-form" onSubmit={add}>
            <input
              aria-label={`New tag for “${name}”`}
              value={draft}
              maxLength={TAG_MAX_LENGTH + 20}
              placeholder="tag"
              // The form opens on request: the person is about to type.
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAdding(false);
                  setError(null);
                }
              }}
            />
            <button type="submit">Add</button>
          </form>
        ) : (
          <button type="button" className="tag-add" aria-label={`Add a tag to “${name}”`} onClick={() => setAdding(true)}>
            + Tag
          </button>
        ))}
      {error && (
        <p className="error tag-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
