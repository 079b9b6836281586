import { normalizeWhitespace } from '../../../../shared/text';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import './notes.css';

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
              Nothing to review: every citation points at the words it quotes. When a source gets a new version and a quote cannot be found
              in it with confidence, the citation is listed here.
            </p>
          ) : (
            <ul className="review-list">
              {list.map(({ noteId, noteTitle, citation: c }) => {
                const last = c.history.at(-1);
                return (
                  <li key={`${noteId}:${c.key}`} className="review-item">
                    <a href={routeHref('notes', [noteId])} className="review-note">
                      {noteTitle}
                    </a>
                    <blockquote>“{normalizeWhitespace(c.exact)}”</blockquote>
                    <p className="review-where">
                      {c.sourceTitle ?? c.sourceId}, ¶{c.passageOrdinal} · <span className="review-badge">needs review</span>
                    </p>
                    {last && <p className="review-reason">{last.reason}</p>}
                    {last?.suggestion && (
                      <p className="review-suggestion">
                        Closest words now: “{normalizeWhitespace(last.suggestion.exact)}”{' '}
                        <button
                          type="button"
                          onClick={() =>
                            void api()
                              .notes.acceptSuggestion({ id: noteId, key: c.key })
                              .then(() => items.reload())
                          }
                        >
                          Use these words
                        </button>
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Status>
    </section>
  );
}
