import type { ImportSummary } from '../../../../shared/imports';
import { routeHref } from '../../app/route';

export function ImportSummaryView({ summary, onDismiss }: { summary: ImportSummary; onDismiss: () => void }) {
  return (
    <section className="import-summary" aria-label="Import summary">
      <header>
        <h2>
          {summary.imported.length} imported, {summary.failures.length} not imported{summary.cancelled ? ' (cancelled)' : ''}
        </h2>
        <button type="button" onClick={onDismiss}>
          Close
        </button>
      </header>
      {summary.imported.length > 0 && (
        <ul className="import-imported">
          {summary.imported.map((s) => (
            <li key={s.versionId} data-source-id={s.sourceId}>
              <a href={routeHref('source', [s.sourceId])}>{s.title ?? s.fileName}</a>
              <span className="import-detail">
                {' '}
                — {s.fileName}: {s.passageCount} passages, {s.mentionCount} entity mentions
                {s.newVersion ? ', new version of an existing source' : ''}
                {s.suggestionCount > 0 ? `, ${s.suggestionCount} new names suggested` : ''}
              </span>
              {s.citationsToReview.length > 0 && (
                <ul className="import-review">
                  {s.citationsToReview.map((c) => (
                    <li key={c.citationId}>
                      Citation to review ({c.status}): “{c.exact}” in <a href={routeHref('notes', [c.noteId])}>note</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {(summary.savedSearches ?? []).length > 0 && (
        <ul className="import-saved-searches" aria-label="Saved searches">
          {summary.savedSearches!.map((m) => (
            <li key={m.savedSearchId}>
              <a href={routeHref('search', [], { q: m.query })}>
                {m.newPassages} new passage{m.newPassages === 1 ? '' : 's'} match ‘{m.query}’
              </a>
            </li>
          ))}
        </ul>
      )}
      {summary.failures.length > 0 && (
        <ul className="import-failures">
          {summary.failures.map((f, index) => (
            <li key={index}>
              <span className="import-file-name">{f.fileName}</span>: <span className="import-reason">{f.reason}</span>
              {f.existingSourceId && (
                <>
                  {' '}
                  (<a href={routeHref('source', [f.existingSourceId])}>open it</a>)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
