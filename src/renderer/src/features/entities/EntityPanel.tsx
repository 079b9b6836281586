import { useEffect, useRef, useState } from 'react';
import type { EntityDetail, EntityMentionInContext } from '../../../../shared/domain';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { EntityTypeBadge } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { formatRanges } from '../reader/segments';
import { EntityNotes } from '../notes/EntityNotes';
import { EntityEditor } from './EntityEditor';
import { EntityHistory } from './EntityHistory';

const CONTEXT = 90;

function MentionItem({ entityId, mention, unlink }: { entityId: string; mention: EntityMentionInContext; unlink: (id: number) => void }) {
  const start = mention.before.length;
  const href = routeHref('source', [mention.sourceId, mention.passageAnchor], {
    entity: entityId,
    hl: formatRanges([{ start, end: start + mention.match.length }]),
  });
  const before = mention.before.length > CONTEXT ? '…' + mention.before.slice(-CONTEXT) : mention.before;
  const after = mention.after.length > CONTEXT ? mention.after.slice(0, CONTEXT) + '…' : mention.after;
  return (
    <li>
      <a className="mention-context" href={href} data-mention-id={mention.mentionId}>
        <span className="where">¶{mention.passageOrdinal}</span> {before}
        <mark>{mention.match}</mark>
        {after}
      </a>
      <button
        type="button"
        className="unlink"
        aria-label={`Unlink “${mention.match}” (¶${mention.passageOrdinal})`}
        onClick={() => unlink(mention.mentionId)}
      >
        Not this
      </button>
    </li>
  );
}

function MentionsBySource({ entity, unlink }: { entity: EntityDetail; unlink: (id: number) => void }) {
  const bySource = new Map<string, EntityMentionInContext[]>();
  for (const m of entity.mentions) bySource.set(m.sourceId, [...(bySource.get(m.sourceId) ?? []), m]);
  if (bySource.size === 0) return <p className="status">Not mentioned by name in any source.</p>;
  return (
    <>
      {[...bySource].map(([sourceId, mentions]) => (
        <section key={sourceId} className="mention-source">
          <h3>
            <OrUnknown value={mentions[0]!.sourceTitle} /> <span className="count">{mentions.length}</span>
          </h3>
          <ul>
            {mentions.map((m) => (
              <MentionItem key={m.mentionId} entityId={entity.id} mention={m} unlink={unlink} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function EntityPanel({ entityId, closeHref, hrefFor }: { entityId: string; closeHref: string; hrefFor: (id?: string) => string }) {
  // Every edit bumps the version: the entity and its history load again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const [editing, setEditing] = useState(false);
  const entity = useLoad(() => api().entities.get({ id: entityId }), `${entityId}:${version}`);
  const unlink = (mentionId: number) => void api().entities.unlinkMention({ mentionId }).then(changed);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (entity.status === 'ready') heading.current?.focus({ preventScroll: true });
  }, [entity.status, entityId]);

  return (
    <aside className="entity-panel" aria-label="Entity">
      <a className="close" href={closeHref} aria-label="Close entity panel">
        ×
      </a>
      <Status state={entity}>
        {(e) => (
          <>
            <EntityTypeBadge type={e.type} />
            <h2 ref={heading} tabIndex={-1}>
              {e.name}
            </h2>
            {e.date && <p className="date">{e.date}</p>}
            {e.aliases.length > 0 && <p className="aliases">Also: {e.aliases.join(' · ')}</p>}
            <p className="description">{e.description}</p>
            <EntityEditor entity={e} changed={changed} hrefFor={hrefFor} open={editing} setOpen={setEditing} />
            <EntityHistory entityId={e.id} version={version} changed={changed} />
            <EntityNotes entityId={e.id} />
            <h3 className="mentions-title">
              {e.mentions.length} mention{e.mentions.length === 1 ? '' : 's'} in {new Set(e.mentions.map((m) => m.sourceId)).size} source(s)
            </h3>
            <MentionsBySource entity={e} unlink={unlink} />
          </>
        )}
      </Status>
    </aside>
  );
}
