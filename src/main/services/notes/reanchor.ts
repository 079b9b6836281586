import { createHash } from 'node:crypto';
import type { AnchorEvent, CitationStatus, ReanchorSummary } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { anchorOf, type AnchorUpdate, type CitationRecord } from '../store/repositories/citations';
import type { PassageRecord } from '../store/repositories/passages';
import type { VersionRecord } from '../store/repositories/sources';
import type { Store } from '../store/store';
import { anchorQuote } from './anchoring';
import { quoteDiff } from './quoteDiff';
import { passageAt, quoteAt } from './selection';
import { VersionAlignment } from './versionAlignment';

export interface Target {
  version: VersionRecord;
  passages: PassageRecord[];
  /** SHA-256 of the version's text: what a citation moved to it records. */
  textSha256: string;
}

export const textSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Alignments between a citation's version and the target, computed once per pair of versions. */
export class AlignmentCache {
  private readonly byVersion = new Map<string, VersionAlignment | undefined>();
  constructor(private readonly repos: Repositories) {}
  get(fromVersionId: string, target: Target): VersionAlignment | undefined {
    if (!this.byVersion.has(fromVersionId)) {
      const old = this.repos.sources.version(fromVersionId);
      this.byVersion.set(fromVersionId, old ? new VersionAlignment(old.text, target.version.text) : undefined);
    }
    return this.byVersion.get(fromVersionId);
  }
}

/**
 * Decides where one citation's quote is in `target` (anchoring.ts holds the rule) and returns the
 * row update. Only current and moved change the anchor, and only to the same words. A citation
 * that needs review keeps its version and offsets, which still quote that version exactly; the
 * proposal and the word diff go into its history for a person to decide on.
 */
export function reanchorCitation(
  row: CitationRecord,
  target: Target | undefined,
  alignment: VersionAlignment | undefined,
  now: string,
): AnchorUpdate {
  const previous = { exact: row.exact, start: row.start, end: row.end, passageAnchor: row.passageAnchor };
  const keep: AnchorUpdate = { id: row.id, ...anchorOf(row) };
  // A pinned text that no longer holds the quote was altered after citing: nothing to anchor from.
  const altered = !!alignment && alignment.oldRaw.slice(row.start, row.end) !== row.exact;
  if (!target || !alignment || altered) {
    const event: AnchorEvent = {
      at: now,
      action: 'check',
      fromVersionId: row.versionId,
      toVersionId: target?.version.id ?? row.versionId,
      method: 'none',
      status: 'lost',
      finding: 'removed',
      score: 0,
      previous,
      reason: !target
        ? 'The source has no text any more.'
        : altered
          ? 'The stored text this citation was made from was altered after it was cited; cite the passage again.'
          : 'The text this citation was made from is no longer in the notebook.',
    };
    return { ...keep, status: 'lost', history: [...row.history, event] };
  }

  const text = target.version.text;
  const decision = anchorQuote(alignment, row);
  const base = {
    at: now,
    action: 'check' as const,
    fromVersionId: row.versionId,
    toVersionId: target.version.id,
    finding: decision.finding,
    occurrences: decision.occurrences,
    previous,
    reason: decision.reason,
  };
  if (decision.status === 'changed' || decision.status === 'lost') {
    const proposal = decision.proposal;
    const suggestion = proposal
      ? {
          exact: text.slice(proposal.start, proposal.end),
          start: proposal.start,
          end: proposal.end,
          score: proposal.score,
          passageAnchor: passageAt(target.passages, proposal.start)?.anchor ?? row.passageAnchor,
        }
      : undefined;
    const event: AnchorEvent = {
      ...base,
      method: 'none',
      status: decision.status,
      score: decision.score,
      ...(suggestion ? { suggestion, diff: quoteDiff(row.exact, suggestion.exact) } : {}),
    };
    return { ...keep, status: decision.status, history: [...row.history, event] };
  }

  // "moved" stays: it says the citation points elsewhere than where it was made, until a person looks.
  const status: CitationStatus = decision.status === 'current' && row.status !== 'moved' ? 'current' : 'moved';
  const method = decision.finding === 'relocated' ? 'quote' : 'alignment';
  return pointAt(row, target, decision.start!, decision.end!, { ...base, method, status, score: decision.score });
}

/**
 * The update that points a citation at `start`–`end` of the target's text, recording why in its
 * history: a re-anchoring that found the words, or a writer's decision (accept, re-cite).
 */
export function pointAt(row: CitationRecord, target: Target, start: number, end: number, event: Omit<AnchorEvent, 'next'>): AnchorUpdate {
  const quote = quoteAt(target.version.text, start, end);
  const passage = passageAt(target.passages, quote.start);
  const next = { exact: quote.exact, start: quote.start, end: quote.end, passageAnchor: passage?.anchor ?? row.passageAnchor };
  return {
    id: row.id,
    versionId: target.version.id,
    versionSha256: target.version.sha256,
    textSha256: target.textSha256,
    passageAnchor: next.passageAnchor,
    passageOrdinal: passage?.ordinal ?? row.passageOrdinal,
    ...quote,
    status: event.status,
    history: [...row.history, { ...event, next }],
  };
}

/** A citation waiting for review, or pinned by a person, was already compared with this text; asking again would repeat the answer. */
function alreadyDecided(row: CitationRecord, target: Target | undefined): boolean {
  if (row.status !== 'changed' && row.status !== 'lost' && row.status !== 'pinned') return false;
  const last = row.history.at(-1);
  return !!last && last.toVersionId === (target?.version.id ?? row.versionId);
}

/** The source's current text and passages, or undefined when it has none. */
export function currentTarget(repos: Repositories, sourceId: string): Target | undefined {
  const version = repos.sources.currentVersion(sourceId);
  return version ? { version, passages: repos.passages.byVersion(version.id), textSha256: textSha256(version.text) } : undefined;
}

/**
 * Re-anchors every citation of a source made against an older version of its text. The import
 * service calls this after it moves a source's current version; it is idempotent.
 */
export function reanchorCitationsForSource(store: Store, sourceId: string, now = new Date().toISOString()): ReanchorSummary {
  return store.write('Re-anchoring citations', (repos) => {
    const summary: ReanchorSummary = { sourceId, checked: 0, current: 0, moved: 0, changed: 0, lost: 0, pinned: 0, noteIds: [] };
    const target = currentTarget(repos, sourceId);
    const alignments = new AlignmentCache(repos);
    const notes = new Set<string>();
    for (const row of repos.citations.staleForSource(sourceId)) {
      if (alreadyDecided(row, target)) continue;
      const update = reanchorCitation(row, target, target && alignments.get(row.versionId, target), now);
      repos.citations.updateAnchor(update);
      summary.checked++;
      summary[update.status]++;
      notes.add(row.noteId);
    }
    summary.noteIds = [...notes];
    return summary;
  });
}
