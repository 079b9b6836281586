import type { Handlers } from '../../../shared/contract';
import type { SourcesService } from './service';

export function sourceHandlers(sources: SourcesService): Handlers['sources'] {
  return {
    list: () => sources.list(),
    get: ({ id, versionId }) => sources.get(id, versionId),
    updateMetadata: ({ sourceId, metadata }) => sources.updateMetadata(sourceId, metadata),
  };
}
