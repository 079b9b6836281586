import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Passage } from '../../../../shared/domain';
import type { PassageCitations } from '../../../../shared/notes';
import { api } from '../../api';
import { routeHref, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { CiteControls } from '../notes/reader/CiteControls';
import { PassageCitationCount } from '../notes/reader/PassageCitationCount';
import { FirstRunHint } from '../workspace/FirstRun';
import { AboutSource } from './AboutSource';
import { PassageView } from './PassageView';
import { parseRanges, type CitedRange } from './segments';
import { useReaderKeys } from './useReaderKeys';

interface Props {
  route: Route;
  sourceId: string;
  anchor: string | undefined;
}

/**
 * Brings the passage named in the URL into view and focus whenever the anchor changes; a source
 * opened without one takes the focus itself, so J, K and C work at once (from the palette too).
 */
function useFocusOnOpen(article: RefObject<HTMLElement | null>, sourceId: string, anchor: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const element = anchor ? document.getElementById(anchor) : null;
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    } else article.current?.focus({ preventScroll: true });
  }, [article, sourceId, anchor, ready]);
}

/** Where a PDF's pages begin: "p. 3" beside the first passage of each page. */
function pageLabels(passages: Passage[]): Map<number, string> {
  const labels = new Map<number, string>();
  let page: number | null = null;
  for (const p of passages) {
    if (p.page !== null && p.page !== page) labels.set(p.id, `p. ${p.page}`);
    page = p.page;
  }
  return labels;
}

export function ReaderView({ route, sourceId, anchor }: Props) {
  // The text and its names follow commits to this source or to any entity (a rename, an alias).
  const source = useLoad(() => api().sources.get({ id: sourceId }), sourceId, [{ kind: 'source', sourceId }, { kind: 'entity' }]);
  // Cited words follow every note's saves, here or elsewhere.
  const citations = useLoad(() => api().notes.passageCitations({ sourceId }), sourceId, [{ kind: 'note' }, { kind: 'source', sourceId }]);
  const byAnchor = useMemo(
    () => new Map<string, PassageCitations>(citations.status === 'ready' ? citations.data.map((p) => [p.anchor, p]) : []),
    [citations],
  );
  const highlights = parseRanges(route.query.get('hl'));
  const activeEntityId = route.query.get('entity');
  const article = useRef<HTMLElement>(null);
  useFocusOnOpen(article, sourceId, anchor, source.status === 'ready');
  useReaderKeys();

  return (
    <article className="reader" aria-label="Reader" ref={article} tabIndex={-1}>
      <nav className="breadcrumbs" aria-label="Source">
        <a href={routeHref('library')}>Library</a>
        <a className="edit-source-link" href={routeHref('edit-source', [sourceId])}>
          Edit details
        </a>
      </nav>
      <Status state={source}>
        {(detail) => {
          const pages = pageLabels(detail.passages);
          return (
            <>
              <AboutSource source={detail} />
              <FirstRunHint step="read" />
              {citations.status === 'error' && (
                <p className="status error" role="alert">
                  Cited words cannot be shown: {citations.message}
                </p>
              )}
              <div className="passages">
                {detail.passages.map((p) => {
                  const entry = byAnchor.get(p.anchor);
                  const cited: CitedRange[] = (entry?.cited ?? []).map((c) => ({
                    start: c.start,
                    end: c.end,
                    notes: c.notes.map((n) => n.title),
                  }));
                  return (
                    <PassageView
                      key={p.id}
                      passage={p}
                      isTarget={p.anchor === anchor}
                      highlights={p.anchor === anchor ? highlights : []}
                      cited={cited}
                      activeEntityId={activeEntityId}
                      entityHref={(entityId) => withQuery(route, { entity: entityId })}
                      passageHref={routeHref('source', [detail.id, p.anchor], { entity: activeEntityId ?? undefined })}
                      margin={<PassageCitationCount entry={entry} />}
                      pageLabel={pages.get(p.id)}
                    />
                  );
                })}
              </div>
              <CiteControls sourceId={detail.id} sourceTitle={detail.metadata.title} />
            </>
          );
        }}
      </Status>
    </article>
  );
}
