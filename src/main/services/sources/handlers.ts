import type { Handlers } from '../../../shared/contract';
import type { SourcesService } from './service';

export function sourceHandlers(sources: SourcesService): Handlers['sources'] {
  return {
    list: ({ deleted }) => sources.list(deleted),
    get: ({ id, versionId }) => sources.get(id, versionId),
    updateMetadata: ({ sourceId, metadata }) => sources.updateMetadata(sourceId, metadata),
    tag: ({ sourceId, tags }) => sources.tag(sourceId, tags),
    untag: ({ sourceId, tags }) => sources.untag(sourceId, tags),
    renameTag: ({ from, to }) => sources.renameTag(from, to),
    citedBy: ({ id }) => sources.citedBy(id),
    delete: ({ id, keepCitations }) => sources.delete(id, keepCitations ?? false),
    restore: ({ id }) => sources.restore(id),
    purge: ({ id }) => sources.purge(id),
  };
}
