import type { EntitySuggestion, SuggestionResolution, SuggestionStatus } from '../../../shared/imports';
import { ApiError } from '../../../shared/errors';
import { foldForMatch } from '../../../shared/text';
import { relinkSources } from '../entities/relink';
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
function linkEverywhere(repos: Repositories, entityId: string, alias: string): { mentions: number } {
  const word = alias.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? alias;
  const sourceIds = [...new Set(repos.passages.currentContaining(word).map((p) => p.sourceId))];
  const before = repos.mentions.byEntity(entityId).length;
  if (sourceIds.length) relinkSources(repos, sourceIds);
  return { mentions: repos.mentions.byEntity(entityId).length - before };
}

/** Names import found that the notebook does not know yet: per source, the most frequent first. */
export function listSuggestions(store: Store, filter: { sourceId?: string; status?: SuggestionStatus }): EntitySuggestion[] {
  return store.repos.imports.suggestions(filter);
}

export function resolveSuggestion(store: Store, input: Resolution): SuggestionResolution {
  const { repos } = store;
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
      if (clash && clash.entityId !== entity.id)
        throw new ApiError('conflict', `"${suggestion.name}" already names entity "${clash.entityId}".`);
      if (!clash) repos.entities.addAlias(entity, { alias: suggestion.name, exactCase: false, scope: '' });
    }
    const linked = linkEverywhere(repos, entityId, suggestion.name);
    // The same name suggested by other sources is settled by the same decision.
    for (const other of repos.imports.suggestions({ status: 'pending' })) {
      if (foldForMatch(other.name) === foldForMatch(suggestion.name))
        repos.imports.setSuggestionStatus(other.id, input.action === 'accept' ? 'accepted' : 'aliased', entityId);
    }
    return { entityId, ...linked };
  });
  return {
    suggestion: repos.imports.suggestion(suggestion.id)!,
    entityId: outcome.entityId,
    linkedMentions: outcome.mentions,
  };
}
