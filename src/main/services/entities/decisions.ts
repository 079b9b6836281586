import type { Repositories } from '../store/repositories';
import type { DecisionAnchor, DecisionKind, EntityDecision } from '../store/repositories/entityDecisions';
import type { Span } from './linking';

/** Characters of context kept each side of a decided mention. */
const CONTEXT = 32;
/** At most this many places are weighed for one decision (a very common word is not worth more). */
const MAX_OCCURRENCES = 500;

export function anchorOf(text: string, start: number, end: number): DecisionAnchor {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

/** Records a person's decision on a span of a passage, by its words and their context. */
export function recordDecision(
  repos: Repositories,
  kind: DecisionKind,
  entityId: string,
  passageId: number,
  start: number,
  end: number,
): void {
  const passage = repos.entityChanges.passage(passageId);
  if (!passage || end <= start) return;
  repos.entityDecisions.record({ kind, entityId, sourceId: passage.sourceId, ...anchorOf(passage.text, start, end) });
}

/** Withdraws a person's decision on a span (a split moves a link to another entity). */
export function withdrawDecision(
  repos: Repositories,
  kind: DecisionKind,
  entityId: string,
  passageId: number,
  start: number,
  end: number,
): void {
  const passage = repos.entityChanges.passage(passageId);
  if (passage) repos.entityDecisions.withdraw({ kind, entityId, sourceId: passage.sourceId, ...anchorOf(passage.text, start, end) });
}

const commonSuffix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};
const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * Where a decision's words are in a source's current passages: the occurrence of its exact words
 * whose surroundings agree best with the context it was made in. An occurrence must agree on at
 * least a few characters of context (or all there was), and beat every other occurrence: a tie is
 * a coin toss, so the decision waits rather than land on the wrong words.
 */
export function resolveAnchor(
  anchor: DecisionAnchor,
  passages: readonly { id: number; text: string }[],
): Omit<Span, 'entityId'> | undefined {
  const required = Math.min(8, anchor.prefix.length + anchor.suffix.length);
  let best: { passageId: number; start: number; score: number } | undefined;
  let second = -1;
  let seen = 0;
  for (const p of passages) {
    for (let at = p.text.indexOf(anchor.exact); at >= 0 && seen < MAX_OCCURRENCES; at = p.text.indexOf(anchor.exact, at + 1), seen++) {
      const end = at + anchor.exact.length;
      const score =
        commonSuffix(anchor.prefix, p.text.slice(Math.max(0, at - CONTEXT), at)) +
        commonPrefix(anchor.suffix, p.text.slice(end, end + CONTEXT));
      if (!best || score > best.score) [second, best] = [best?.score ?? -1, { passageId: p.id, start: at, score }];
      else second = Math.max(second, score);
    }
  }
  if (!best || best.score < required || best.score === second) return undefined;
  return { passageId: best.passageId, start: best.start, end: best.start + anchor.exact.length };
}

/**
 * Replays a person's decisions about one source on its current passages, inside the caller's
 * write, before the linker's links are stored: a mention they made or confirmed becomes a
 * person's mention on the same words; a span they dismissed is marked dismissed, so the linker
 * neither links it nor raises it again. Returns the spans the linker must then leave alone.
 */
export function replayDecisions(
  repos: Repositories,
  sourceId: string,
  versionId: string,
  passages: readonly { id: number; text: string }[],
): { userSpans: Span[]; dismissed: Span[] } {
  const decisions: EntityDecision[] = repos.entityDecisions.forSource(sourceId);
  if (decisions.length) {
    const existing = repos.mentions
      .byVersion(versionId)
      .filter((m) => m.origin === 'user')
      .map((m) => ({ entityId: m.entityId, passageId: m.passageId, start: m.start, end: m.end }));
    for (const d of decisions) {
      const at = resolveAnchor(d, passages);
      if (!at) continue;
      if (d.kind === 'dismiss') {
        repos.entityChanges.dismiss({ entityId: d.entityId, ...at, surface: d.exact });
        continue;
      }
      const same = (m: { entityId: string; passageId: number; start: number; end: number }) =>
        m.entityId === d.entityId && m.passageId === at.passageId && m.start === at.start && m.end === at.end;
      if (existing.some(same)) continue;
      repos.entityChanges.clearSpan(at.passageId, at.start, at.end);
      repos.mentions.insert({ entityId: d.entityId, ...at, surface: d.exact, origin: 'user', method: 'user', confidence: 1, alias: null });
      existing.push({ entityId: d.entityId, ...at });
    }
  }
  return {
    userSpans: repos.mentions
      .byVersion(versionId)
      .filter((m) => m.origin === 'user')
      .map((m) => ({ passageId: m.passageId, entityId: m.entityId, start: m.start, end: m.end })),
    dismissed: repos.possibleMentions
      .byVersion(versionId)
      .filter((p) => p.status === 'dismissed')
      .map((p) => ({ passageId: p.passageId, entityId: p.entityId, start: p.start, end: p.end })),
  };
}
