import type { EntityEdit, EntityType } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { foldForMatch } from '../../../shared/text';
import type { Repositories } from '../store/repositories';
import type { EntityEditRecord } from '../store/repositories/entityEdits';
import type { Store } from '../store/store';
import { recordDecision, withdrawDecision } from './decisions';
import { relinkSources } from './relink';

export type Workbench = ReturnType<typeof createWorkbench>;

/** "Angela Merkel" → "angela-merkel", numbered when taken. */
function newEntityId(repos: Repositories, name: string): string {
  const base =
    foldForMatch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entity';
  let id = base;
  for (let n = 2; repos.entities.get(id) || repos.entityEdits.redirectOf(id); n++) id = `${base}-${n}`;
  return id;
}

/** Sources whose current text may hold one of these entities' names (by each name's longest word). */
function sourcesNaming(repos: Repositories, ids: readonly string[]): string[] {
  const found = new Set<string>();
  for (const id of ids) {
    for (const a of repos.entities.aliases(id)) {
      const word = a.alias.split(/[\s-]+/).sort((x, y) => y.length - x.length)[0] ?? a.alias;
      for (const p of repos.passages.currentContaining(word)) found.add(p.sourceId);
    }
    for (const s of repos.entityChanges.sourcesOf(id)) found.add(s);
  }
  return [...found];
}

function toEdit(e: EntityEditRecord, latest: Map<string, number>): EntityEdit {
  return {
    id: e.id,
    entityIds: e.entityIds,
    action: e.action as EntityEdit['action'],
    summary: e.summary,
    at: e.at,
    undoneAt: e.undoneAt,
    undoable: e.undoneAt === null && e.entityIds.every((id) => (latest.get(id) ?? e.id) <= e.id),
  };
}

/**
 * A person's decisions about entities. Each runs in one write: the entities it touches are
 * snapshotted first (entities/repositories/entityEdits.ts), the change is made, the sources that
 * name them are re-linked by the same rules as an import, and the snapshot is kept as history.
 */
export function createWorkbench(store: Store) {
  const { repos } = store;

  function need(id: string) {
    const entity = repos.entities.get(id);
    if (!entity) throw new ApiError('not_found', `No entity with id "${id}".`);
    return entity;
  }

  function decide<T>(
    action: EntityEdit['action'],
    ids: string[],
    summary: string,
    change: (r: Repositories) => T,
    after: string[] = ids,
    recorded?: (r: Repositories, editId: number) => void,
  ): T {
    return store.write(summary, (r) => {
      const before = r.entityEdits.snapshot(ids);
      const sourcesBefore = sourcesNaming(r, ids);
      const result = change(r);
      const live = after.filter((id) => r.entities.get(id));
      const sources = [...new Set([...sourcesBefore, ...sourcesNaming(r, live)])];
      if (sources.length) relinkSources(r, sources);
      const editId = r.entityEdits.record({ entityIds: [...new Set([...ids, ...after])], action, summary, before, sources });
      recorded?.(r, editId);
      return result;
    });
  }

  function latestEdits(ids: readonly string[]): Map<string, number> {
    const latest = new Map<string, number>();
    for (const id of ids) {
      const standing = repos.entityEdits.forEntity(id).find((e) => e.undoneAt === null);
      if (standing) latest.set(id, standing.id);
    }
    return latest;
  }

  return {
    create(input: { type: EntityType; name: string; aliases?: string[]; description?: string }): string {
      const id = newEntityId(repos, input.name);
      const aliases = (input.aliases ?? []).map((alias) => ({ alias, exactCase: false, scope: '' }));
      const entity = { id, type: input.type, name: input.name, description: input.description ?? '', date: null, origin: 'user' as const };
      decide('create', [id], `Created ${input.type} "${input.name}"`, (r) => r.entities.insert(entity, aliases));
      return id;
    },
    rename(id: string, name: string): string {
      const old = need(id).name;
      decide('rename', [id], `Renamed "${old}" to "${name}"`, (r) => {
        r.entityChanges.rename(id, name);
        // An entity's name is always one of its aliases; the old name stays one, so it is still found.
        if (!r.entities.aliases(id).some((a) => a.folded === foldForMatch(name)))
          r.entities.addAlias({ id, type: need(id).type }, { alias: name, exactCase: false, scope: '' });
      });
      return id;
    },
    setType(id: string, type: EntityType): string {
      const entity = need(id);
      decide('type', [id], `Changed "${entity.name}" from ${entity.type} to ${type}`, (r) => r.entityChanges.setType(id, type));
      return id;
    },
    addAlias(id: string, alias: string): string {
      const entity = need(id);
      if (repos.entities.aliases(id).some((a) => a.folded === foldForMatch(alias) && a.scope === ''))
        throw new ApiError('conflict', `"${alias}" is already a name of "${entity.name}".`);
      decide('alias-add', [id], `Added alias "${alias}" to "${entity.name}"`, (r) =>
        r.entities.addAlias(entity, { alias, exactCase: false, scope: '' }),
      );
      return id;
    },
    removeAlias(id: string, alias: string): string {
      const entity = need(id);
      if (foldForMatch(alias) === foldForMatch(entity.name))
        throw new ApiError('invalid_input', `"${alias}" is the name of "${entity.name}": rename it instead.`);
      if (!repos.entities.aliases(id).some((a) => a.folded === foldForMatch(alias)))
        throw new ApiError('not_found', `"${entity.name}" has no alias "${alias}".`);
      decide('alias-remove', [id], `Removed alias "${alias}" from "${entity.name}"`, (r) => r.entityChanges.removeAlias(id, alias));
      return id;
    },
    merge(id: string, into: string): string {
      const from = need(id);
      const target = need(into);
      if (id === into) throw new ApiError('invalid_input', 'An entity cannot be merged into itself.');
      decide(
        'merge',
        [id, into],
        `Merged "${from.name}" into "${target.name}"`,
        // Its names, the absorbed name among them, move with it.
        (r) => r.entityChanges.absorb(id, into, target.type),
        [into],
        (r, editId) => r.entityEdits.addRedirect(id, into, editId),
      );
      return into;
    },
    split(id: string, mentionIds: number[], name: string, type?: EntityType): string {
      const entity = need(id);
      const moving = mentionIds.map((m) => {
        const mention = repos.entityChanges.mention(m);
        if (!mention || mention.entityId !== id) throw new ApiError('invalid_input', `Mention ${m} is not a mention of "${entity.name}".`);
        return mention;
      });
      const newId = newEntityId(repos, name);
      decide('split', [id, newId], `Split ${moving.length} mention(s) of "${entity.name}" into "${name}"`, (r) => {
        r.entities.insert({ id: newId, type: type ?? entity.type, name, description: '', date: null, origin: 'user' }, []);
        for (const m of moving) {
          r.entityChanges.deleteMention(m.id);
          withdrawDecision(r, 'link', id, m.passageId, m.start, m.end);
          recordDecision(r, 'link', newId, m.passageId, m.start, m.end);
          r.mentions.insert({ ...m, entityId: newId, origin: 'user', method: 'user', confidence: 1, alias: null });
        }
      });
      return newId;
    },
    delete(id: string): void {
      const entity = need(id);
      decide('delete', [id], `Deleted ${entity.type} "${entity.name}"`, (r) => r.entityChanges.remove(id), []);
    },
    unlinkMention(mentionId: number): string {
      const m = repos.entityChanges.mention(mentionId);
      if (!m) throw new ApiError('not_found', `No mention with id ${mentionId}.`);
      const entity = need(m.entityId);
      decide('unlink', [m.entityId], `Unlinked "${m.surface}" from "${entity.name}" in ${m.sourceId}`, (r) => {
        r.entityChanges.deleteMention(mentionId);
        r.entityChanges.dismiss(m);
        recordDecision(r, 'dismiss', m.entityId, m.passageId, m.start, m.end);
      });
      return m.entityId;
    },
    linkSpan(passageId: number, start: number, end: number, entityId: string): number {
      const entity = need(entityId);
      const passage = repos.entityChanges.passage(passageId);
      if (!passage) throw new ApiError('not_found', `No passage with id ${passageId}.`);
      if (end > passage.text.length)
        throw new ApiError('invalid_input', `The span ends after the passage (${passage.text.length} characters).`);
      const surface = passage.text.slice(start, end);
      let mentionId = 0;
      decide('link', [entityId], `Linked "${surface}" to "${entity.name}" in ${passage.sourceId}`, (r) => {
        r.entityChanges.clearSpan(passageId, start, end);
        recordDecision(r, 'link', entityId, passageId, start, end);
        mentionId = r.mentions.insert({
          entityId,
          passageId,
          start,
          end,
          surface,
          origin: 'user',
          method: 'user',
          confidence: 1,
          alias: null,
        });
      });
      // A person's mention survives the re-linking that follows, so its id stands.
      return mentionId;
    },
    /** Confirms possible mentions (each becomes a person's link) or rejects them (each is dismissed for good). */
    decidePossible(id: string, possibleIds: number[], verdict: 'confirm' | 'reject'): number {
      const entity = need(id);
      const chosen = possibleIds.map((p) => {
        const possible = repos.possibleMentions.get(p);
        if (!possible || possible.entityId !== id || possible.status !== 'open')
          throw new ApiError('invalid_input', `${p} is not an open possible mention of "${entity.name}".`);
        return possible;
      });
      const surfaces = [...new Set(chosen.map((c) => `"${c.surface}"`))].slice(0, 3).join(', ');
      const summary =
        verdict === 'confirm'
          ? `Confirmed ${chosen.length} possible mention(s) of "${entity.name}" (${surfaces})`
          : `Rejected ${chosen.length} possible mention(s) of "${entity.name}" (${surfaces})`;
      decide(verdict, [id], summary, (r) => {
        for (const c of chosen) {
          if (verdict === 'reject') {
            r.entityChanges.dismiss(c);
            recordDecision(r, 'dismiss', id, c.passageId, c.start, c.end);
          } else {
            r.entityChanges.clearSpan(c.passageId, c.start, c.end);
            r.mentions.insert({
              entityId: id,
              passageId: c.passageId,
              start: c.start,
              end: c.end,
              surface: c.surface,
              origin: 'user',
              method: 'user',
              confidence: 1,
              alias: c.alias,
            });
            recordDecision(r, 'link', id, c.passageId, c.start, c.end);
          }
        }
      });
      return chosen.length;
    },
    history(id: string): EntityEdit[] {
      const edits = repos.entityEdits.forEntity(id);
      const latest = latestEdits([...new Set(edits.flatMap((e) => e.entityIds))]);
      return edits.map((e) => toEdit(e, latest));
    },
    undo(editId: number): EntityEdit {
      const edit = repos.entityEdits.get(editId);
      if (!edit) throw new ApiError('not_found', `No entity edit with id ${editId}.`);
      if (edit.undoneAt) throw new ApiError('conflict', `"${edit.summary}" was already undone.`);
      if (!toEdit(edit, latestEdits(edit.entityIds)).undoable)
        throw new ApiError('conflict', `"${edit.summary}" cannot be undone before the later changes to the same entities.`);
      store.write(`Undoing: ${edit.summary}`, (r) => {
        r.entityEdits.restore(edit.before);
        r.entityEdits.markUndone(editId);
        const sources = [
          ...new Set([
            ...edit.sources,
            ...sourcesNaming(
              r,
              edit.before.ids.filter((id) => r.entities.get(id)),
            ),
          ]),
        ];
        if (sources.length) relinkSources(r, sources);
      });
      return toEdit(repos.entityEdits.get(editId)!, new Map());
    },
    /** Follows a merge: the absorbed id resolves to the entity it became part of. */
    redirect: (id: string) => repos.entityEdits.redirectOf(id),
  };
}
