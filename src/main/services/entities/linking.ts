import { foldForMatch } from '../../../shared/text';
import type { Repositories } from '../store/repositories';
import type { NewMention } from '../store/repositories/mentions';
import type { KnownAlias, LinkedDocument } from './documentLinker';

/**
 * Every alias in the store, as the document linker needs it, except a canonical name that the
 * curators limited to one document (the seed stores it globally too, but links it only where it
 * is certain).
 */
export function knownAliases(repos: Repositories): KnownAlias[] {
  const entities = new Map(repos.entities.list().map((e) => [e.id, e]));
  const rows = repos.entities.allAliases();
  const scopedNames = new Set(
    rows
      .filter((a) => a.scope !== '' && a.folded === foldForMatch(entities.get(a.entityId)?.name ?? ''))
      .map((a) => `${a.entityId}\u0000${a.folded}`),
  );
  return rows
    .filter((a) => entities.has(a.entityId) && !(a.scope === '' && scopedNames.has(`${a.entityId}\u0000${a.folded}`)))
    .map((a) => {
      const entity = entities.get(a.entityId)!;
      return {
        entityId: a.entityId,
        alias: a.alias,
        exactCase: a.exactCase,
        scope: a.scope,
        entityType: entity.type,
        entityName: entity.name,
        curated: a.origin === 'curated',
        strength: a.strength,
      };
    });
}

export interface StoredLinks {
  mentions: number;
  possible: number;
}

/**
 * Writes one document's links and possible mentions. Spans a person already decided keep their
 * decision: a person's own mention covers its span, and a dismissed possible mention is never
 * raised again nor turned into a link.
 */
export function storeLinks(
  repos: Repositories,
  passageIds: readonly number[],
  linked: LinkedDocument,
  kept: { userSpans?: readonly Span[]; dismissed?: readonly Span[] } = {},
  origin: NewMention['origin'] = 'linked',
): StoredLinks {
  const covered = (passageId: number, start: number, end: number) =>
    kept.userSpans?.some((s) => s.passageId === passageId && start < s.end && s.start < end) ?? false;
  const dismissed = (passageId: number, entityId: string, start: number, end: number) =>
    kept.dismissed?.some((s) => s.passageId === passageId && s.entityId === entityId && s.start === start && s.end === end) ?? false;
  let mentions = 0;
  let possible = 0;
  passageIds.forEach((passageId, i) => {
    for (const link of linked.links[i] ?? []) {
      if (covered(passageId, link.start, link.end) || dismissed(passageId, link.entityId, link.start, link.end)) continue;
      repos.mentions.insert({ ...link, passageId, origin });
      mentions++;
    }
    for (const p of linked.possible[i] ?? []) {
      if (covered(passageId, p.start, p.end) || dismissed(passageId, p.entityId, p.start, p.end)) continue;
      repos.possibleMentions.insert({ ...p, passageId });
      possible++;
    }
  });
  return { mentions, possible };
}

export interface Span {
  passageId: number;
  entityId: string;
  start: number;
  end: number;
}
