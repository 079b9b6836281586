import type { Repositories } from '../store/repositories';
import { createDocumentLinker, type DocumentLinker } from './documentLinker';
import { replayDecisions } from './decisions';
import { knownAliases, storeLinks } from './linking';

export interface RelinkResult {
  sources: number;
  /** Links made by the linker after re-linking, across the sources re-linked. */
  mentions: number;
  possible: number;
  /** Links removed minus links added: what the new rules took away (negative when they added). */
  removed: number;
}

/**
 * Links each source's current text again with today's aliases and rules, inside the caller's
 * write transaction. What the linker made is replaced; what a person decided stays: their
 * decisions are replayed on the current text first (decisions.ts), their own mentions (origin
 * 'user') keep their spans, and possible mentions they dismissed are neither raised again nor
 * turned into links. Seed sources are linked as curated, as when seeded.
 */
export function relinkSources(repos: Repositories, sourceIds?: readonly string[], linker?: DocumentLinker): RelinkResult {
  const all = repos.sources.list().filter((s) => s.currentVersionId);
  const wanted = sourceIds ? all.filter((s) => sourceIds.includes(s.id)) : all;
  const documentLinker = linker ?? createDocumentLinker(knownAliases(repos));
  const result: RelinkResult = { sources: 0, mentions: 0, possible: 0, removed: 0 };
  for (const source of wanted) {
    const versionId = source.currentVersionId!;
    const passages = repos.passages.byVersion(versionId);
    const removed = repos.mentions.deleteMachineMade(versionId);
    repos.possibleMentions.clearOpen(versionId);
    const kept = replayDecisions(repos, source.id, versionId, passages);
    const linked = documentLinker.link(
      passages.map((p) => p.text),
      { sourceId: source.id, curatedSource: source.kind === 'seed' },
    );
    const stored = storeLinks(
      repos,
      passages.map((p) => p.id),
      linked,
      kept,
    );
    result.sources++;
    result.mentions += stored.mentions;
    result.possible += stored.possible;
    result.removed += removed - stored.mentions;
  }
  return result;
}
