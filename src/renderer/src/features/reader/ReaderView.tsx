import { useMemo, useRef, useState, type RefObject } from 'react';
import type { Passage, SourceDetail } from '../../../../shared/domain';
import type { PassageCitations } from '../../../../shared/notes';
import { api } from '../../api';
import { navigate, routeHref, withQuery, type Route } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { useFocusWhenReady } from '../../ui/useFocusWhenReady';
import { EntityFromSelection, trimmedSpan, type SpanToName } from '../entities/EntityFromSelection';
import { CiteControls } from '../notes/reader/CiteControls';
import { PassageCitationCount } from '../notes/reader/PassageCitationCount';
import { FirstRunHint } from '../workspace/FirstRun';
import { AboutSource } from './AboutSource';
import { PassageView } from './PassageView';
import { parseRanges, type CitedRange, type Range } from './segments';
import { useReaderKeys } from './useReaderKeys';

interface Props {
  route: Route;
  sourceId: string;
  anchor: string | undefined;
}

/**
 * Brings the passage named in the URL into view and focus whenever the anchor changes; a source
 * opened without one takes the focus itself, so J, K and C work at once (from the palette too),
 * unless the person moved the focus elsewhere while the source loaded (`useFocusWhenReady`).
 */
function useFocusOnOpen(article: RefObject<HTMLElement | null>, sourceId: string, anchor: string | undefined, ready: boolean) {
  useFocusWhenReady(ready, `${sourceId}#${anchor ?? ''}`, article, () => {
    const element = anchor ? document.getElementById(anchor) : null;
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    } else article.current?.focus({ preventScroll: true });
  });
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
  // The text and its names follow commits to this source or to any entity (a rename, an alias).
  const source = useLoad(() => api().sources.get({ id: sourceId, ...(versionId ? { versionId } : {}) }), `${sourceId}@${versionId ?? ''}`, [
    { kind: 'source', sourceId },
    { kind: 'entity' },
  ]);
  // Cited words follow every note's saves, here or elsewhere.
  const citations = useLoad(() => api().notes.passageCitations({ sourceId }), sourceId, [{ kind: 'note' }, { kind: 'source', sourceId }]);
  const byAnchor = useMemo(
    () => new Map<string, PassageCitations>(citations.status === 'ready' ? citations.data.map((p) => [p.anchor, p]) : []),
    [citations],
  );
  const highlights = parseRanges(route.query.get('hl'));
  // `quote` is in offsets of the version's whole text (a citation's start–end), as Review links to it.
  const quote = parseRanges(route.query.get('quote'))[0];
  const activeEntityId = route.query.get('entity');
  const article = useRef<HTMLElement>(null);
  useFocusOnOpen(article, sourceId, anchor, source.status === 'ready');
  useReaderKeys();
  const [naming, setNaming] = useState<SpanToName | null>(null);

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
          // An earlier version ("as cited") shows its own text: the current text's cited words do not apply to it.
          const earlier = detail.earlierVersion;
          // A deleted source's kept text is read, not cited or named from: restoring it comes first.
          const readOnly = earlier !== undefined || detail.deletedAt !== null;
          return (
            <>
              <AboutSource source={detail} />
              {earlier && <EarlierVersionBanner source={detail} anchor={anchor} />}
              {!readOnly && <FirstRunHint step="read" />}
              {citations.status === 'error' && (
                <p className="status error" role="alert">
                  Cited words cannot be shown: {citations.message}
                </p>
              )}
              <div className={`passages${earlier ? ' as-cited' : ''}`}>
                {detail.passages.map((p) => {
                  const entry = earlier ? undefined : byAnchor.get(p.anchor);
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
                      changedSince={earlier?.changedOrdinals.includes(p.ordinal) ?? false}
                      highlights={p.anchor === anchor ? [...highlights, ...inPassage(quote, p)] : []}
                      cited={cited}
                      activeEntityId={activeEntityId}
                      entityHref={(entityId) => withQuery(route, { entity: entityId })}
                      passageHref={routeHref('source', [detail.id, p.anchor], {
                        entity: activeEntityId ?? undefined,
                        ...(earlier ? { version: versionId } : {}),
                      })}
                      margin={<PassageCitationCount entry={entry} />}
                      pageLabel={pages.get(p.id)}
                    />
                  );
                })}
              </div>
              {/* Citations are made from the current text of a source in the library only. */}
              {!readOnly && (
                <CiteControls
                  sourceId={detail.id}
                  sourceTitle={detail.metadata.title}
                  onNewEntity={(selection, at) => {
                    const passage = detail.passages.find((p) => p.anchor === selection.anchor);
                    if (passage) setNaming(trimmedSpan({ passageId: passage.id, ...selection, ...at }));
                  }}
                />
              )}
              {naming && (
                <EntityFromSelection
                  span={naming}
                  close={() => setNaming(null)}
                  created={(id) => {
                    setNaming(null);
                    navigate(withQuery(route, { entity: id }));
                  }}
                />
              )}
            </>
          );
        }}
      </Status>
    </article>
  );
}
