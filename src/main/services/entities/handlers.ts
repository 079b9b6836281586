import type { Handlers } from '../../../shared/contract';
import type { Store } from '../store/store';
import { coMentions, entityGraph } from './graph';
import type { EntitiesService } from './service';
import { buildTimeline } from './timeline';
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
    history: ({ id }) => workbench.history(id),
    undo: ({ editId }) => workbench.undo(editId),
    graph: (query) => entityGraph(store, query),
    coMentions: ({ a, b }) => coMentions(store, a, b),
    timeline: (filter) => buildTimeline(store, filter),
  };
}
