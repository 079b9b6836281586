import type { EntitySuggestion, SuggestionResolution } from '../../../shared/imports';
import { ApiError } from '../../../shared/errors';
import { foldForMatch } from '../../../shared/text';
import { relinkSources } from '../entities/relink';
import type { Db } from '../store/db';
import type { Repositories } from '../store/repositories';
import type { Store } from '../store/store';

export type Resolution =
  { id: number; action: 'accept' } | { id: number; action: 'alias'; entityId: string } | { id: number; action: 'reject' };

function entityIdFor(repos: Repositories, name: string): string {
  const base =
    foldForMatch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entity';
  let id = base;
  for (let n = 2; repos.imports.entityIdTaken(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Links a newly known name by re-linking the sources whose current text may contain it (found in
 * SQL by the name's longest word): the name is judged with every other alias of each document, by
 * the same rules as an import, so a generic name links only where its document supports it.
 */
function linkEverywhere(db: Db, repos: Repositories, entityId: string, alias: string): { mentions: number } {
  const word = alias.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? alias;
  const sourceIds = (
    db
      .prepare(`SELECT DISTINCT s.id FROM passage p JOIN source s ON s.current_version_id = p.version_id WHERE p.text LIKE ? ESCAPE '\\'`)
      .all(`%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) as { id: string }[]
  ).map((r) => r.id);
  const before = repos.mentions.byEntity(entityId).length;
  if (sourceIds.length) relinkSources(repos, sourceIds);
  return { mentions: repos.mentions.byEntity(entityId).length - before };
}

export function resolveSuggestion(store: Store, input: Resolution): SuggestionResolution {
  const { db, repos } = store;
  const suggestion = repos.imports.suggestion(input.id);
  if (!suggestion) throw new ApiError('not_found', `No entity suggestion with id ${input.id}.`);
  if (suggestion.status !== 'pending') throw new ApiError('conflict', `Suggestion "${suggestion.name}" was already ${suggestion.status}.`);

  const outcome = store.write('Resolving the suggestion', () => {
    if (input.action === 'reject') {
      repos.imports.setSuggestionStatus(suggestion.id, 'rejected', null);
      return { entityId: null, mentions: 0 };
    }
    let entityId: string;
    if (input.action === 'accept') {
      entityId = entityIdFor(repos, suggestion.name);
      repos.entities.insert(
        { id: entityId, type: suggestion.type, name: suggestion.name, description: '', date: null, origin: 'suggested' },
        [],
      );
    } else {
      const entity = repos.entities.get(input.entityId);
      if (!entity) throw new ApiError('not_found', `No entity with id "${input.entityId}".`);
      entityId = entity.id;
      const folded = foldForMatch(suggestion.name);
      const clash = repos.entities.allAliases().find((a) => a.type === entity.type && a.folded === folded && a.scope === '');
      if (clash && clash.entity_id !== entity.id)
        throw new ApiError('conflict', `"${suggestion.name}" already names entity "${clash.entity_id}".`);
      if (!clash) {
        db.prepare(
          `INSERT INTO entity_alias (entity_id, type, alias, folded, exact_case, scope, origin) VALUES (?, ?, ?, ?, 0, '', 'user')`,
        ).run(entity.id, entity.type, suggestion.name, folded);
      }
    }
    const linked = linkEverywhere(db, repos, entityId, suggestion.name);
    // The same name suggested by other sources is settled by the same decision.
    for (const other of repos.imports.suggestions({ status: 'pending' })) {
      if (foldForMatch(other.name) === foldForMatch(suggestion.name))
        repos.imports.setSuggestionStatus(other.id, input.action === 'accept' ? 'accepted' : 'aliased', entityId);
    }
    return { entityId, ...linked };
  });
  return {
    suggestion: repos.imports.suggestion(suggestion.id) as EntitySuggestion,
    entityId: outcome.entityId,
    linkedMentions: outcome.mentions,
  };
}
