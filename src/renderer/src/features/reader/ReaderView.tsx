import { useEffect, useRef } from 'react';
import type { Passage, SourceDetail } from '../../../../shared/domain';
import { api } from '../../api';
import { routeHref, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { PassageView } from './PassageView';
import { parseRanges, type Range } from './segments';
import { CiteControls } from '../notes/reader/CiteControls';
import { PassageCitationCount } from '../notes/reader/PassageCitationCount';
import { usePassageCitations } from '../notes/reader/usePassageCitations';
import { useNoteSaves } from '../notes/noteSaves';

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
            <OrUnknown value={m.authors.join('; ')} />
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
            <OrUnknown value={m.publisher} />
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

/** A range of the version's text, as offsets into one passage's text (nothing if they do not meet). */
function inPassage(range: Range | undefined, passage: Passage): Range[] {
  if (!range) return [];
  const start = Math.max(range.start, passage.start) - passage.start;
  const end = Math.min(range.end, passage.end) - passage.start;
  return end > start ? [{ start, end }] : [];
}

/** The reader of an earlier version says so, and links to the current text. */
function EarlierVersionBanner({ source, anchor }: { source: SourceDetail; anchor: string | undefined }) {
  const earlier = source.earlierVersion!;
  const changed = earlier.changedOrdinals.length;
  return (
    <p className="as-cited-banner" role="note">
      As cited: the version added {earlier.createdAt.slice(0, 10)}, not the current text.{' '}
      {changed === 0
        ? 'The current text has every passage of it.'
        : `${changed} passage${changed === 1 ? ' differs' : 's differ'} in the current text (marked).`}{' '}
      <a href={routeHref('source', anchor ? [source.id, anchor] : [source.id])}>Read the current text</a>
    </p>
  );
}

export function ReaderView({ route, sourceId, anchor }: Props) {
  const versionId = route.query.get('version') ?? undefined;
  const source = useLoad(() => api().sources.get({ id: sourceId, ...(versionId ? { versionId } : {}) }), `${sourceId}@${versionId ?? ''}`);
  const highlights = parseRanges(route.query.get('hl'));
  // `quote` is in offsets of the version's whole text (a citation's start–end), as Review links to it.
  const quote = parseRanges(route.query.get('quote'))[0];
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
            {detail.earlierVersion && <EarlierVersionBanner source={detail} anchor={anchor} />}
            <div className={`passages${detail.earlierVersion ? ' as-cited' : ''}`}>
              {detail.passages.map((p) => (
                <PassageView
                  key={p.id}
                  passage={p}
                  isTarget={p.anchor === anchor}
                  changedSince={detail.earlierVersion?.changedOrdinals.includes(p.ordinal) ?? false}
                  highlights={p.anchor === anchor ? [...highlights, ...inPassage(quote, p)] : []}
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
            {/* Citations are made from the current text only. */}
            {!detail.earlierVersion && <CiteControls route={route} sourceId={detail.id} sourceTitle={detail.metadata.title} />}
          </>
        )}
      </Status>
    </article>
  );
}
