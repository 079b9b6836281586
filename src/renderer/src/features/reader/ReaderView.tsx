import { useEffect, useRef } from 'react';
import type { SourceDetail } from '../../../../shared/domain';
import { api } from '../../api';
import { routeHref, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { PassageView } from './PassageView';
import { parseRanges } from './segments';
import { CiteControls } from '../notes/reader/CiteControls';
import { PassageCitationCount } from '../notes/reader/PassageCitationCount';
import { usePassageCitations } from '../notes/reader/usePassageCitations';
import { useNoteSaves } from '../notes/noteSaves';
import { authorsLabel } from '../../../../shared/names';
import { publishedIn } from '../../../../shared/sourceMetadata';

interface Props {
  route: Route;
  sourceId: string;
  anchor: string | undefined;
}

function SourceHeader({ source }: { source: SourceDetail }) {
  const m = source.metadata;
  return (
    <header className="reader-header">
      <dl className="metadata">
        <div>
          <dt>Author</dt>
          <dd>
            <OrUnknown value={authorsLabel(m.authors)} />
          </dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            <OrUnknown value={m.issued} />
          </dd>
        </div>
        <div>
          <dt>Publisher</dt>
          <dd>
            <OrUnknown value={publishedIn(m)} />
          </dd>
        </div>
        <div>
          <dt>Passages</dt>
          <dd>{source.passageCount}</dd>
        </div>
      </dl>
      {m.note && <p className="provenance">{m.note}</p>}
    </header>
  );
}

/** Brings the passage named in the URL into view and focus whenever the anchor changes. */
function useScrollToAnchor(anchor: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!ready || !anchor) return;
    const element = document.getElementById(anchor);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
  }, [anchor, ready]);
}

export function ReaderView({ route, sourceId, anchor }: Props) {
  const source = useLoad(() => api().sources.get({ id: sourceId }), sourceId);
  const highlights = parseRanges(route.query.get('hl'));
  const activeEntityId = route.query.get('entity');
  const container = useRef<HTMLElement>(null);
  useScrollToAnchor(anchor, source.status === 'ready');
  const citationCounts = usePassageCitations(sourceId, String(useNoteSaves()));

  return (
    <article className="reader" ref={container} aria-label="Reader">
      <nav className="breadcrumbs">
        <a href={routeHref('library')}>Library</a>
        <a className="edit-source-link" href={routeHref('edit-source', [sourceId])}>
          Edit details
        </a>
      </nav>
      <Status state={source}>
        {(detail) => (
          <>
            <SourceHeader source={detail} />
            <div className="passages">
              {detail.passages.map((p) => (
                <PassageView
                  key={p.id}
                  passage={p}
                  isTarget={p.anchor === anchor}
                  highlights={p.anchor === anchor ? highlights : []}
                  activeEntityId={activeEntityId}
                  entityHref={(entityId) => withQuery(route, { entity: entityId })}
                  passageHref={routeHref('source', [detail.id, p.anchor], {
                    entity: activeEntityId ?? undefined,
                    note: route.query.get('note') ?? undefined,
                  })}
                  margin={<PassageCitationCount entry={citationCounts.get(p.anchor)} />}
                />
              ))}
            </div>
            <CiteControls route={route} sourceId={detail.id} sourceTitle={detail.metadata.title} />
          </>
        )}
      </Status>
    </article>
  );
}
