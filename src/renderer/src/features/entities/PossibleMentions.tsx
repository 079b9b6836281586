import type { PossibleMentionInContext } from '../../../../shared/domain';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { OrUnknown } from '../../ui/Unknown';
import { useAction } from './useAction';

const CONTEXT = 90;
const tail = (s: string) => (s.length > CONTEXT ? `…${s.slice(-CONTEXT).replace(/^\S*\s/, '')}` : s);
const head = (s: string) => (s.length > CONTEXT ? `${s.slice(0, CONTEXT).replace(/\s\S*$/, '')}…` : s);

function PossibleItem({
  entityId,
  item,
  busy,
  decide,
}: {
  entityId: string;
  item: PossibleMentionInContext;
  busy: boolean;
  decide: (ids: number[], verdict: 'confirm' | 'reject') => void;
}) {
  const href = routeHref('source', [item.sourceId, item.passageAnchor], { entity: entityId });
  return (
    <li>
      <a className="mention-context" href={href}>
        <span className="where">
          <OrUnknown value={item.sourceTitle} /> ¶{item.passageOrdinal}
        </span>{' '}
        {tail(item.before)}
        <mark>{item.match}</mark>
        {head(item.after)}
      </a>
      <span className="possible-actions" role="group" aria-label={`“${item.match}” in ¶${item.passageOrdinal}`}>
        <button type="button" disabled={busy} onClick={() => decide([item.possibleId], 'confirm')}>
          Confirm
        </button>
        <button type="button" disabled={busy} onClick={() => decide([item.possibleId], 'reject')}>
          Reject
        </button>
      </span>
    </li>
  );
}

/**
 * Spans one of the entity's generic names matched where the document did not otherwise name it:
 * not counted as links until a person confirms them, one by one or all at once. Each choice is a
 * decision in the history (undoable) and survives re-import.
 */
export function PossibleMentions({ entityId, version, changed }: { entityId: string; version: number; changed: () => void }) {
  const possible = useLoad(() => api().entities.possibleMentions({ id: entityId }), `${entityId}:${version}`, [
    { kind: 'entity', entityId },
    { kind: 'source' },
  ]);
  const { busy, error, run } = useAction(changed);
  if (possible.status !== 'ready' || possible.data.length === 0) return null;
  const items = possible.data;
  const decide = (possibleIds: number[], verdict: 'confirm' | 'reject') =>
    run(() => api().entities.decidePossible({ id: entityId, possibleIds, verdict }));
  const all = items.map((p) => p.possibleId);
  return (
    <section className="possible-mentions" aria-labelledby="possible-mentions-title">
      <h3 className="mentions-title" id="possible-mentions-title">
        {items.length} possible mention{items.length === 1 ? '' : 's'} to confirm
      </h3>
      <p className="status">
        A generic name of this entity, found where the source does not otherwise name it: not counted as a link until confirmed.
      </p>
      {items.length > 1 && (
        <p className="possible-bulk">
          <button type="button" disabled={busy} onClick={() => decide(all, 'confirm')}>
            Confirm all {items.length}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => decide(all, 'reject')}>
            Reject all {items.length}
          </button>
        </p>
      )}
      <ul>
        {items.map((item) => (
          <PossibleItem key={item.possibleId} entityId={entityId} item={item} busy={busy} decide={decide} />
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
