import type { Handlers } from '../../../shared/contract';
import type { Store } from '../store/store';
import type { EntitiesService } from './service';
import type { Workbench } from './workbench';

export function entityHandlers(entities: EntitiesService, workbench: Workbench, store: Store): Handlers['entities'] {
  return {
    list: ({ type }) => entities.list(type),
    get: ({ id }) => entities.get(id),
    resolve: ({ ref }) => entities.resolve(ref),
    create: (input) => entities.summary(workbench.create(input)),
    rename: ({ id, name }) => entities.summary(workbench.rename(id, name)),
    setType: ({ id, type }) => entities.summary(workbench.setType(id, type)),
    addAlias: ({ id, alias }) => entities.summary(workbench.addAlias(id, alias)),
    removeAlias: ({ id, alias }) => entities.summary(workbench.removeAlias(id, alias)),
    merge: ({ id, into }) => entities.summary(workbench.merge(id, into)),
    split: ({ id, mentionIds, name, type }) => entities.summary(workbench.split(id, mentionIds, name, type)),
    delete: ({ id }) => (workbench.delete(id), { deleted: id }),
    unlinkMention: ({ mentionId }) => ({ entityId: workbench.unlinkMention(mentionId) }),
    linkSpan: ({ passageId, start, end, entityId }) => ({ mentionId: workbench.linkSpan(passageId, start, end, entityId) }),
    possibleMentions: ({ id }) => entities.possibleMentions(id),
    decidePossible: ({ id, possibleIds, verdict }) => ({ entityId: id, decided: workbench.decidePossible(id, possibleIds, verdict) }),
    history: ({ id }) => workbench.history(id),
    undo: ({ editId }) => workbench.undo(editId),
    // The graph (graphology) and the timeline (chrono-node, with every locale) load on first use:
    // every CLI command and the app's start would otherwise pay for them.
    graph: async (query) => (await import('./graph')).entityGraph(store, query),
    coMentions: async ({ a, b }) => (await import('./graph')).coMentions(store, a, b),
    timeline: async (filter) => (await import('./timeline')).buildTimeline(store, filter),
    exportFile: async (input) => (await import('./exportFile')).entityExportFile(entities, store, input),
  };
}
