import { useState, type FormEvent } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';
import { useAction } from './useAction';

/** Creates an entity; `created` receives its id (the view opens its panel). */
export function NewEntityForm({ created, initialName = '' }: { created: (id: string) => void; initialName?: string }) {
  const [name, setName] = useState(initialName);
  const [type, setType] = useState<EntityType>('person');
  let made = '';
  const { busy, error, run } = useAction(() => created(made));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      made = (await api().entities.create({ type, name })).id;
    });
  };
  return (
    <form className="new-entity line-form" onSubmit={submit} aria-label="New entity">
      <input aria-label="New entity name" placeholder="New entity name" value={name} onChange={(e) => setName(e.target.value)} required />
      <select aria-label="New entity type" value={type} onChange={(e) => setType(e.target.value as EntityType)}>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        Create
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
