import { useState, type FormEvent } from 'react';
import { ENTITY_TYPES } from '../../../../shared/contract/ids';
import type { EntityDetail, EntityType } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate } from '../../app/route';
import { TYPE_LABELS } from '../../ui/EntityTypeBadge';
import { useAction } from './useAction';

/** One-line form: a text box and a button, submitted with Enter. */
function LineForm({
  label,
  button,
  initial = '',
  onSubmit,
}: {
  label: string;
  button: string;
  initial?: string;
  onSubmit: (v: string) => void;
}) {
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <form className="line-form" onSubmit={submit}>
      <input aria-label={label} placeholder={label} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">{button}</button>
    </form>
  );
}

/**
 * The workbench on an entity's panel: rename, type, aliases, merge, delete. Each call is one
 * decision in the entity's history (below it), where it can be undone.
 */
export function EntityEditor({
  entity,
  changed,
  hrefFor,
  open,
  setOpen,
}: {
  entity: EntityDetail;
  changed: () => void;
  hrefFor: (id?: string) => string;
  /** Kept by the panel, so the editor stays open while the entity loads again after an edit. */
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const { busy, error, run } = useAction(changed);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const e = api().entities;
  const id = entity.id;
  const merge = (ref: string) =>
    run(async () => {
      const into = await e.resolve({ ref });
      await e.merge({ id, into: into.id });
      navigate(hrefFor(into.id));
    });
  return (
    <details className="entity-editor" open={open} onToggle={(ev) => setOpen(ev.currentTarget.open)}>
      <summary>Edit entity</summary>
      <fieldset disabled={busy}>
        <LineForm
          key={`n-${entity.name}`}
          label="Name"
          button="Rename"
          initial={entity.name}
          onSubmit={(name) => run(() => e.rename({ id, name }))}
        />
        <label className="type-select">
          Type{' '}
          <select value={entity.type} onChange={(ev) => run(() => e.setType({ id, type: ev.target.value as EntityType }))}>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <ul className="alias-list" aria-label="Aliases">
          {entity.aliases.map((alias) => (
            <li key={alias}>
              {alias}{' '}
              <button type="button" aria-label={`Remove alias ${alias}`} onClick={() => run(() => e.removeAlias({ id, alias }))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <LineForm
          key={`a-${entity.aliases.length}`}
          label="New alias"
          button="Add alias"
          onSubmit={(alias) => run(() => e.addAlias({ id, alias }))}
        />
        <LineForm label="Merge into (name or id)" button="Merge" onSubmit={merge} />
        {confirmDelete ? (
          <button type="button" className="danger" onClick={() => run(async () => (await e.delete({ id }), navigate(hrefFor(undefined))))}>
            Delete “{entity.name}” for good
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
