import { useEffect, useRef, useState } from 'react';
import type { EntityDetail } from '../../../../shared/domain';
import { api } from '../../api';
import { navigate, routeHref } from '../../app/route';
import { useDismiss } from '../../app/layers';
import { useLoad } from '../../app/useLoad';
import { EntityTypeBadge } from '../../ui/EntityTypeBadge';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { useFocusWhenReady } from '../../ui/useFocusWhenReady';
import { formatRanges } from '../reader/segments';
import { EntityNotes } from '../notes/EntityNotes';
import { EntityEditor } from './EntityEditor';
import { EntityHistory } from './EntityHistory';
import { PossibleMentions } from './PossibleMentions';
import { DescriptionText } from './DescriptionText';
import { excerpt, groupMentions, type PassageMentions } from './mentionGroups';

function PassageCard({ entityId, passage, unlink }: { entityId: string; passage: PassageMentions; unlink: (id: number) => void }) {
  const href = routeHref('source', [passage.sourceId, passage.passageAnchor], {
    entity: entityId,
    hl: formatRanges(passage.ranges),
  });
  const cut = excerpt(passage);
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const r of cut.ranges) {
    pieces.push(cut.text.slice(at, r.start), <mark key={r.start}>{cut.text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  pieces.push(cut.text.slice(at));
  return (
    <li>
      <a className="mention-context" href={href} data-anchor={passage.passageAnchor}>
        <span className="where">
          ¶{passage.passageOrdinal}
          {passage.ranges.length > 1 ? ` · named ${passage.ranges.length} times` : ''}
        </span>{' '}
        {pieces}
      </a>
      {passage.ranges.map((r, i) => (
        <button
          key={r.mentionId}
          type="button"
          className="unlink"
          aria-label={`Unlink mention ${i + 1} in ¶${passage.passageOrdinal}`}
          onClick={() => unlink(r.mentionId)}
        >
          {passage.ranges.length > 1 ? `Not this (${i + 1})` : 'Not this'}
        </button>
      ))}
    </li>
  );
}

function MentionsBySource({ entity, unlink }: { entity: EntityDetail; unlink: (id: number) => void }) {
  const groups = groupMentions(entity.mentions);
  if (groups.length === 0) return <p className="status">No source names it in its text; it comes from the curated list.</p>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.sourceId} className="mention-source" aria-label={g.sourceTitle ?? g.sourceId}>
          <h4>
            <OrUnknown value={g.sourceTitle} />{' '}
            <span className="count">
              {g.passages.length} passage{g.passages.length === 1 ? '' : 's'}, {g.mentionCount} mention{g.mentionCount === 1 ? '' : 's'}
            </span>
          </h4>
          <ul>
            {g.passages.map((p) => (
              <PassageCard key={p.passageAnchor} entityId={entity.id} passage={p} unlink={unlink} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The entity beside the view: what it is, the notes that mention it, and every passage that names it, by source. */
export function EntityPanel({
  entityId,
  closeHref,
  hrefFor,
  splitter,
}: {
  entityId: string;
  closeHref: string;
  hrefFor: (id?: string) => string;
  splitter?: React.ReactNode;
}) {
  // Every edit bumps the version: the entity and its history load again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const [editing, setEditing] = useState(false);
  const entity = useLoad(() => api().entities.get({ id: entityId }), `${entityId}:${version}`, [
    { kind: 'entity', entityId },
    { kind: 'source' },
  ]);
  const unlink = (mentionId: number) => void api().entities.unlinkMention({ mentionId }).then(changed);
  const sources = useLoad(() => api().sources.list({}), 'sources', [{ kind: 'source' }]);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
  }, []);
  const panel = useRef<HTMLElement>(null);
  useFocusWhenReady(entity.status === 'ready', entityId, panel, () => heading.current?.focus({ preventScroll: true }));
  useDismiss(true, () => {
    navigate(closeHref);
    // Back where the reader was: the name that opened the panel.
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
  });

  return (
    <aside ref={panel} className="entity-panel" id="entity-panel" aria-labelledby="entity-panel-name">
      {splitter}
      <div className="entity-panel-scroll">
        <a className="close" href={closeHref} aria-label="Close entity panel">
          ×
        </a>
        <Status state={entity}>
          {(e) => {
            const groups = groupMentions(e.mentions);
            const passageCount = groups.reduce((n, g) => n + g.passages.length, 0);
            return (
              <>
                <EntityTypeBadge type={e.type} />
                <h2 ref={heading} tabIndex={-1} id="entity-panel-name">
                  {e.name}
                </h2>
                {e.date && <p className="date">{e.date}</p>}
                {e.aliases.length > 0 && <p className="aliases">Also called: {e.aliases.join(' · ')}</p>}
                <DescriptionText
                  text={e.description}
                  sources={sources.status === 'ready' ? sources.data : []}
                  firstPassage={(sourceId) => groups.find((g) => g.sourceId === sourceId)?.passages[0]?.passageAnchor}
                />
                <EntityEditor entity={e} changed={changed} hrefFor={hrefFor} open={editing} setOpen={setEditing} />
                <EntityHistory entityId={e.id} version={version} changed={changed} />
                <EntityNotes entityId={e.id} />
                <PossibleMentions entityId={e.id} version={version} changed={changed} />
                <h3 className="mentions-title">
                  {e.mentions.length === 0
                    ? 'Not named in any source'
                    : `Named ${e.mentions.length} time${e.mentions.length === 1 ? '' : 's'} in ${passageCount} passage${passageCount === 1 ? '' : 's'} of ${groups.length} source${groups.length === 1 ? '' : 's'}`}
                </h3>
                <MentionsBySource entity={e} unlink={unlink} />
              </>
            );
          }}
        </Status>
      </div>
    </aside>
  );
}
