import type { EntitySuggestion, SuggestionResolution } from '../../../shared/imports';
import { ApiError } from '../../../shared/errors';
import { foldForMatch } from '../../../shared/text';
import { createLinker } from '../entities/linker';
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
 * Links a newly known name across every source's current text, leaving alone spans an existing
 * mention already covers. Passages are pre-filtered in SQL by the name's longest word.
 */
function linkEverywhere(db: Db, repos: Repositories, entityId: string, alias: string): { mentions: number; sources: Set<string> } {
  const linker = createLinker([{ entityId, alias, exactCase: false, scope: '' }]);
  const word = alias.split(/[\s-]+/).sort((a, b) => b.length - a.length)[0] ?? alias;
  const candidates = db
    .prepare(
      `SELECT p.id, p.text, s.id AS source_id FROM passage p JOIN source s ON s.current_version_id = p.version_id WHERE p.text LIKE ? ESCAPE '\\'`,
    )
    .all(`%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) as { id: number; text: string; source_id: string }[];
  const spans = db.prepare(`SELECT start, "end" FROM mention WHERE passage_id = ?`);
  let mentions = 0;
  const sources = new Set<string>();
  for (const passage of candidates) {
    const taken = spans.all(passage.id) as { start: number; end: number }[];
    for (const link of linker.link(passage.text, passage.source_id)) {
      if (taken.some((t) => link.start < t.end && t.start < link.end)) continue;
      repos.mentions.insert({ ...link, passageId: passage.id, origin: 'linked' });
      mentions++;
      sources.add(passage.source_id);
    }
  }
  return { mentions, sources };
}

export function resolveSuggestion(store: Store, input: Resolution): SuggestionResolution {
  const { db, repos } = store;
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
      if (clash && clash.entity_id !== entity.id)
        throw new ApiError('conflict', `"${suggestion.name}" already names entity "${clash.entity_id}".`);
      if (!clash) {
        db.prepare(`INSERT INTO entity_alias (entity_id, type, alias, folded, exact_case, scope) VALUES (?, ?, ?, ?, 0, '')`).run(
          entity.id,
          entity.type,
          suggestion.name,
          folded,
        );
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
