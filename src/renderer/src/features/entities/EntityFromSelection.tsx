import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { useDismiss } from '../../app/layers';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';
import { useAction } from './useAction';

export interface SpanToName {
  passageId: number;
  start: number;
  end: number;
  text: string;
  /** Where to show the form (viewport pixels). */
  x: number;
  y: number;
}

/** The selected words without the spaces and punctuation a drag tends to catch at either end. */
export function trimmedSpan(span: SpanToName): SpanToName {
  const lead = span.text.length - span.text.replace(/^[\s"“‘'([]+/, '').length;
  const trail = span.text.length - span.text.replace(/[\s"”’'),.;:!?\]]+$/, '').length;
  const text = span.text.slice(lead, span.text.length - trail);
  return text ? { ...span, start: span.start + lead, end: span.end - trail, text } : span;
}

/**
 * "New entity from selection": the selected words as the name (editable), a type, and Create,
 * which makes the entity and links those words in their passage to it (two decisions in its
 * history). `created` then opens its panel; the passage shows the mention.
 */
export function EntityFromSelection({ span, close, created }: { span: SpanToName; close: () => void; created: (id: string) => void }) {
  const [name, setName] = useState(span.text.replace(/\s+/g, ' '));
  const [type, setType] = useState<EntityType>('person');
  const input = useRef<HTMLInputElement>(null);
  let made = '';
  const { busy, error, run } = useAction(() => created(made));
  useDismiss(true, close);
  useEffect(() => input.current?.select(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      made = (await api().entities.create({ type, name })).id;
      await api().entities.linkSpan({ passageId: span.passageId, start: span.start, end: span.end, entityId: made });
    });
  };
  return (
    <form
      className="cite-menu entity-from-selection"
      role="dialog"
      aria-label="New entity from selection"
      style={{ top: Math.min(span.y, window.innerHeight - 170), left: Math.min(span.x, window.innerWidth - 300) }}
      onSubmit={submit}
    >
      <strong>New entity from selection</strong>
      <label>
        Name <input ref={input} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        Type{' '}
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <span className="line-form">
        <button type="submit" className="primary" disabled={busy}>
          Create and link
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
