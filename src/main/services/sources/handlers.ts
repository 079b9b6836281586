import type { Handlers } from '../../../shared/contract';
import type { SourcesService } from './service';

export function sourceHandlers(sources: SourcesService): Handlers['sources'] {
  return {
    list: () => sources.list(),
    get: ({ id }) => sources.get(id),
    updateMetadata: ({ sourceId, metadata }) => sources.updateMetadata(sourceId, metadata),
  };
}
