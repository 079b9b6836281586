import type { AnchorEvent, CitationStatus, ReanchorSummary } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { anchorOf, type AnchorUpdate, type CitationRecord } from '../store/repositories/citations';
import type { PassageRecord } from '../store/repositories/passages';
import type { VersionRecord } from '../store/repositories/sources';
import type { Store } from '../store/store';
import { reanchor } from './anchoring';
import { passageAt, quoteAt } from './selection';

export interface Target {
  version: VersionRecord;
  passages: PassageRecord[];
}

/**
 * Decides where one citation's quote is in `target`, returning the row update. A citation that
 * cannot be placed with confidence keeps its old version and offsets (which still quote the old
 * text exactly) and is marked for review with the best guess as a suggestion.
 */
export function reanchorCitation(row: CitationRecord, target: Target | undefined, oldText: string | undefined, now: string): AnchorUpdate {
  const { history } = row;
  const previous = { exact: row.exact, start: row.start, end: row.end, passageAnchor: row.passageAnchor };
  const keep: AnchorUpdate = { id: row.id, ...anchorOf(row) };
  if (!target) {
    const event: AnchorEvent = {
      at: now,
      fromVersionId: row.versionId,
      toVersionId: row.versionId,
      method: 'none',
      status: 'orphaned',
      score: 0,
      previous,
      reason: 'The source has no text any more.',
    };
    return { ...keep, status: 'orphaned', history: [...history, event] };
  }
  const outcome = reanchor(target.version.text, row, oldText);
  const base = { at: now, fromVersionId: row.versionId, toVersionId: target.version.id, previous, reason: outcome.reason };
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
    return { ...keep, status: 'review', history: [...history, event] };
  }
  const unchanged = outcome.method === 'position' && target.version.text.slice(outcome.start, outcome.end) === row.exact;
  // A citation that had moved stays "moved": the user may still want to look at it.
  const status: CitationStatus = unchanged ? (row.status === 'moved' ? 'moved' : 'ok') : 'moved';
  return pointAt(row, target, outcome.start, outcome.end, { ...base, method: outcome.method, status, score: outcome.score });
}

/**
 * The update that points a citation at `start`–`end` of the target's text, recording why in its
 * history: a re-anchoring that found the words, or a writer accepting a suggestion.
 */
export function pointAt(row: CitationRecord, target: Target, start: number, end: number, event: Omit<AnchorEvent, 'next'>): AnchorUpdate {
  const quote = quoteAt(target.version.text, start, end);
  const passage = passageAt(target.passages, start);
  const next = { exact: quote.exact, start: quote.start, end: quote.end, passageAnchor: passage?.anchor ?? row.passageAnchor };
  return {
    id: row.id,
    versionId: target.version.id,
    versionSha256: target.version.sha256,
    passageAnchor: next.passageAnchor,
    passageOrdinal: passage?.ordinal ?? row.passageOrdinal,
    ...quote,
    status: event.status,
    history: [...row.history, { ...event, next }],
  };
}

/** A citation in review was already compared with this text; asking again would only repeat the answer. */
function alreadyDecided(row: CitationRecord, target: Target | undefined): boolean {
  if (row.status !== 'review' && row.status !== 'orphaned') return false;
  const last = row.history.at(-1);
  return !!last && last.toVersionId === (target?.version.id ?? row.versionId) && (row.status === 'review') === !!target;
}

/** The source's current text and passages, or undefined when it has none. */
export function currentTarget(repos: Repositories, sourceId: string): Target | undefined {
  const version = repos.sources.currentVersion(sourceId);
  return version ? { version, passages: repos.passages.byVersion(version.id) } : undefined;
}

/**
 * Re-anchors every citation of a source made against an older version of its text. The import
 * service calls this after it moves a source's current version; it is idempotent.
 */
export function reanchorCitationsForSource(store: Store, sourceId: string, now = new Date().toISOString()): ReanchorSummary {
  return store.write('Re-anchoring citations', (repos) => {
    const summary: ReanchorSummary = { sourceId, checked: 0, ok: 0, moved: 0, review: 0, orphaned: 0, noteIds: [] };
    const target = currentTarget(repos, sourceId);
    const oldTexts = new Map<string, string | undefined>();
    const notes = new Set<string>();
    for (const row of repos.citations.staleForSource(sourceId)) {
      if (alreadyDecided(row, target)) continue;
      if (!oldTexts.has(row.versionId)) oldTexts.set(row.versionId, repos.sources.version(row.versionId)?.text);
      const update = reanchorCitation(row, target, oldTexts.get(row.versionId), now);
      repos.citations.updateAnchor(update);
      summary.checked++;
      summary[update.status]++;
      notes.add(row.noteId);
    }
    summary.noteIds = [...notes];
    return summary;
  });
}
