import type { GraphNode } from '../../../../shared/domain';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';

/** The passages an edge stands for: where both entities are mentioned, each opening in the reader. */
export function EdgePassages({ a, b, names, close }: { a: string; b: string; names: GraphNode[]; close: () => void }) {
  const passages = useLoad(() => api().entities.coMentions({ a, b }), `${a}|${b}`);
  const name = (id: string) => names.find((n) => n.id === id)?.name ?? id;
  return (
    <section className="edge-passages" aria-label="Passages of the link">
      <h2>
        {name(a)} — {name(b)}
      </h2>
      <button type="button" onClick={close}>
        Back to strongest links
      </button>
      <Status state={passages}>
        {(list) => (
          <ul>
            {list.map((p) => (
              <li key={`${p.sourceId}#${p.passageAnchor}`}>
                <a className="mention-context" href={routeHref('source', [p.sourceId, p.passageAnchor])}>
                  <strong>
                    <OrUnknown value={p.sourceTitle} />
                  </strong>{' '}
                  <span className="where">¶{p.passageOrdinal}</span> {p.text.length > 240 ? `${p.text.slice(0, 240)}…` : p.text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}
