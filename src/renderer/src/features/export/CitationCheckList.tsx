import { routeHref } from '../../app/route';
import { CITATION_PROBLEM_LABELS as LABELS, type CitationCheck } from '../../../../shared/export';

/** Every citation the export would mark, each with a way to fix it: its note and its source. */
export function CitationCheckList({ check }: { check: CitationCheck }) {
  return (
    <section className="export-check" aria-label="Citation check">
      <h2>Citation check</h2>
      <p className={check.problems.length ? 'export-check-summary warn' : 'export-check-summary ok'} role="status">
        {check.citations === 0
          ? 'No citations in these notes.'
          : `${check.verified} of ${check.citations} quotes verified against their pinned source text.`}
        {check.problems.length > 0 && ` ${check.problems.length} will be marked in the export.`}
      </p>
      {check.problems.length > 0 && (
        <ul className="export-problems">
          {check.problems.map((p) => (
            <li key={p.citationId} data-status={p.status}>
              <span className="export-problem-status">{LABELS[p.status]}</span> {p.message}
              {p.quote && <q className="export-problem-quote">{p.quote.length > 140 ? `${p.quote.slice(0, 140)}…` : p.quote}</q>}
              <span className="export-problem-links">
                <a href={routeHref('notes', [p.sectionId])}>Fix in “{p.sectionTitle}”</a>
                {p.sourceId && <a href={routeHref('source', [p.sourceId])}>Open source</a>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
