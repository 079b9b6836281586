import type { Handlers } from '../../../shared/contract';
import type { EntitiesService } from './service';

export function entityHandlers(entities: EntitiesService): Handlers['entities'] {
  return {
    list: ({ type }) => entities.list(type),
    get: ({ id }) => entities.get(id),
    resolve: ({ ref }) => entities.resolve(ref),
  };
}
