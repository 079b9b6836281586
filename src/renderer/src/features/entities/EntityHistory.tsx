import type { EntityEdit } from '../../../../shared/domain';
import { api } from '../../api';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { useAction } from './useAction';

/** The decisions made about an entity, newest first, each with when and what; the latest can be undone. */
export function EntityHistory({ entityId, version, changed }: { entityId: string; version: number; changed: () => void }) {
  const history = useLoad(() => api().entities.history({ id: entityId }), `${entityId}:${version}`);
  const { busy, error, run } = useAction(changed);
  return (
    <section className="entity-history" aria-label="History">
      <Status state={history}>
        {(edits: EntityEdit[]) =>
          edits.length === 0 ? (
            // Nothing decided yet: no empty section on every panel.
            <></>
          ) : (
            <>
              <h3 className="mentions-title">History</h3>
              <ol>
                {edits.map((h) => (
                  <li key={h.id} className={h.undoneAt ? 'undone' : undefined}>
                    <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time> {h.summary}
                    {h.undoneAt && <span className="muted"> (undone)</span>}
                    {h.undoable && (
                      <button type="button" disabled={busy} onClick={() => run(() => api().entities.undo({ editId: h.id }))}>
                        Undo
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </Status>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
