import { useState } from 'react';
import type { ReviewDecision, ReviewItem } from '../../../../shared/notes';
import { normalizeWhitespace } from '../../../../shared/text';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { QuoteDiff } from './QuoteDiff';
import './notes.css';
import { contextAfter, contextBefore } from './quoteContext';

const STATE_LABEL = { changed: 'changed', lost: 'lost' } as Record<string, string>;

/** One citation waiting for a person: the words as cited, the words now, the diff, and the three decisions. */
function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided: () => void }) {
  const { noteId, noteTitle, citation: c } = item;
  const last = c.history.at(-1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = (decision: ReviewDecision) => {
    setBusy(true);
    api()
      .notes.decide({ id: noteId, key: c.key, decision })
      .then(onDecided, (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      });
  };
  return (
    <li className="review-item" data-status={c.status} data-citation-key={c.key}>
      <a href={routeHref('notes', [noteId])} className="review-note">
        {noteTitle}
      </a>
      <p className="review-where">
        {c.sourceTitle ?? c.sourceId}, ¶{c.passageOrdinal} · <span className="review-badge">{STATE_LABEL[c.status] ?? c.status}</span> ·{' '}
        <a
          className="review-as-cited"
          href={routeHref('source', [c.sourceId, c.passageAnchor], { version: c.versionId, quote: `${c.start}-${c.end}`, note: noteId })}
        >
          Read as cited
        </a>
      </p>
      <div className="review-versions">
        <div className="review-was">
          <h3>As cited</h3>
          <blockquote>
            …{contextBefore(c.prefix)}
            <mark>“{normalizeWhitespace(c.exact)}”</mark>
            {contextAfter(c.suffix)}…
          </blockquote>
        </div>
        <div className="review-now">
          <h3>Now</h3>
          {last?.suggestion ? (
            <blockquote>
              …{contextBefore(item.proposalContext?.prefix ?? '')}
              <mark>“{normalizeWhitespace(last.suggestion.exact)}”</mark>
              {contextAfter(item.proposalContext?.suffix ?? '')}…
            </blockquote>
          ) : (
            <p className="review-none">No passage like it in the current text.</p>
          )}
        </div>
      </div>
      {last?.diff && <QuoteDiff parts={last.diff} />}
      {last && <p className="review-reason">{last.reason}</p>}
      <div className="review-actions" role="group" aria-label="Decide">
        {last?.suggestion && (
          <button type="button" disabled={busy} onClick={() => decide('accept')}>
            Accept the new words
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => decide('keep-pinned')}>
          Keep citing the earlier version
        </button>
        <button type="button" disabled={busy} className="danger" onClick={() => decide('remove')}>
          Remove from the note
        </button>
      </div>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Citations whose source text changed and that could not be re-anchored with confidence. */
export function ReviewView() {
  const items = useLoad(() => api().notes.reviewList({}), 'review', [{ kind: 'note' }, { kind: 'source' }]);
  return (
    <section className="review-view" aria-label="Citations to review">
      <h1>Citations to review</h1>
      <Status state={items}>
        {(list) =>
          list.length === 0 ? (
            <p className="status empty-state">
              Nothing to review: every citation quotes its words as they stand. When a source gets a new version and a quote cannot be found
              in it with confidence, the citation is listed here.
            </p>
          ) : (
            <ul className="review-list">
              {list.map((item) => (
                <ReviewCard key={`${item.noteId}:${item.citation.key}`} item={item} onDecided={items.reload} />
              ))}
            </ul>
          )
        }
      </Status>
    </section>
  );
}
