import type { EntitySuggestion, SuggestionResolution, SuggestionStatus } from '../../../shared/imports';
import { ApiError } from '../../../shared/errors';
import { foldForMatch } from '../../../shared/text';
import { createLinker } from '../entities/linker';
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
 * Links a newly known name across every source's current text, leaving alone spans an existing
 * mention already covers. Passages are pre-filtered in SQL by the name's longest word.
 */
function linkEverywhere(repos: Repositories, entityId: string, alias: string): { mentions: number; sources: Set<string> } {
  const linker = createLinker([{ entityId, alias, exactCase: false, scope: '' }]);
  const word = alias.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? alias;
  let mentions = 0;
  const sources = new Set<string>();
  for (const passage of repos.passages.currentContaining(word)) {
    const taken = repos.mentions.spansIn(passage.id);
    for (const link of linker.link(passage.text, passage.sourceId)) {
      if (taken.some((t) => link.start < t.end && t.start < link.end)) continue;
      repos.mentions.insert({ ...link, passageId: passage.id, origin: 'linked' });
      mentions++;
      sources.add(passage.sourceId);
    }
  }
  return { mentions, sources };
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
      return { entityId: null, mentions: 0, sources: new Set<string>() };
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
