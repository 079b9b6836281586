import type { AnchorEvent, CitationStatus, ReanchorSummary } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import type { AnchorUpdate, CitationRow } from '../store/repositories/citations';
import type { PassageRow } from '../store/repositories/passages';
import type { VersionRow } from '../store/repositories/sources';
import { reanchor } from './anchoring';
import { passageAt, quoteAt } from './selection';

import type { Store } from '../store/store';

interface Target {
  version: VersionRow;
  passages: PassageRow[];
}

/**
 * Decides where one citation's quote is in `target`, returning the row update. A citation that
 * cannot be placed with confidence keeps its old version and offsets (which still quote the old
 * text exactly) and is marked for review with the best guess as a suggestion.
 */
export function reanchorCitation(row: CitationRow, target: Target | undefined, oldText: string | undefined, now: string): AnchorUpdate {
  const history = JSON.parse(row.history) as AnchorEvent[];
  const previous = { exact: row.exact, start: row.start, end: row.end, passageAnchor: row.passage_anchor };
  const keep: AnchorUpdate = {
    id: row.id,
    versionId: row.version_id,
    versionSha256: row.version_sha256,
    passageAnchor: row.passage_anchor,
    passageOrdinal: row.passage_ordinal,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    status: row.status,
    history: row.history,
  };
  if (!target) {
    const event: AnchorEvent = {
      at: now,
      fromVersionId: row.version_id,
      toVersionId: row.version_id,
      method: 'none',
      status: 'orphaned',
      score: 0,
      previous,
      reason: 'The source has no text any more.',
    };
    return { ...keep, status: 'orphaned', history: JSON.stringify([...history, event]) };
  }
  const outcome = reanchor(target.version.text, row, oldText);
  const base = { at: now, fromVersionId: row.version_id, toVersionId: target.version.id, previous, reason: outcome.reason };
  if (!outcome.found) {
    const suggestion = outcome.suggestion
      ? {
          exact: target.version.text.slice(outcome.suggestion.start, outcome.suggestion.end),
          start: outcome.suggestion.start,
          end: outcome.suggestion.end,
          score: outcome.suggestion.score,
        }
      : undefined;
    const event: AnchorEvent = { ...base, method: 'none', status: 'review', score: outcome.score, ...(suggestion ? { suggestion } : {}) };
    return { ...keep, status: 'review', history: JSON.stringify([...history, event]) };
  }
  const quote = quoteAt(target.version.text, outcome.start, outcome.end);
  const passage = passageAt(target.passages, outcome.start);
  const unchanged = outcome.method === 'position' && quote.exact === row.exact;
  // A citation that had moved stays "moved": the user may still want to look at it.
  const status: CitationStatus = unchanged ? (row.status === 'moved' ? 'moved' : 'ok') : 'moved';
  const next = { exact: quote.exact, start: quote.start, end: quote.end, passageAnchor: passage?.anchor ?? row.passage_anchor };
  const event: AnchorEvent = { ...base, method: outcome.method, status, score: outcome.score, next };
  return {
    id: row.id,
    versionId: target.version.id,
    versionSha256: target.version.sha256,
    passageAnchor: next.passageAnchor,
    passageOrdinal: passage?.ordinal ?? row.passage_ordinal,
    ...quote,
    status,
    history: JSON.stringify([...history, event]),
  };
}

/** A citation in review was already compared with this text; asking again would only repeat the answer. */
function alreadyDecided(row: CitationRow, target: Target | undefined): boolean {
  if (row.status !== 'review' && row.status !== 'orphaned') return false;
  const last = (JSON.parse(row.history) as AnchorEvent[]).at(-1);
  return !!last && last.toVersionId === (target?.version.id ?? row.version_id) && (row.status === 'review') === !!target;
}

/** The source's current text and passages, or undefined when it has none. */
export function currentTarget(repos: Repositories, sourceId: string): Target | undefined {
  const source = repos.sources.get(sourceId);
  const version = source?.current_version_id ? repos.sources.version(source.current_version_id) : undefined;
  return version ? { version, passages: repos.passages.byVersion(version.id) } : undefined;
}

/**
 * Re-anchors every citation of a source made against an older version of its text. The import
 * service calls this after it moves `source.current_version_id`; it is idempotent.
 */
export function reanchorCitationsForSource(store: Store, sourceId: string, now = new Date().toISOString()): ReanchorSummary {
  return store.write('Re-anchoring citations', (repos) => {
    const summary: ReanchorSummary = { sourceId, checked: 0, ok: 0, moved: 0, review: 0, orphaned: 0, noteIds: [] };
    const target = currentTarget(repos, sourceId);
    const oldTexts = new Map<string, string | undefined>();
    const notes = new Set<string>();
    for (const row of repos.citations.staleForSource(sourceId)) {
      if (alreadyDecided(row, target)) continue;
      if (!oldTexts.has(row.version_id)) oldTexts.set(row.version_id, repos.sources.version(row.version_id)?.text);
      const update = reanchorCitation(row, target, oldTexts.get(row.version_id), now);
      repos.citations.updateAnchor(update);
      summary.checked++;
      summary[update.status]++;
      notes.add(row.note_id);
    }
    summary.noteIds = [...notes];
    return summary;
  });
}
