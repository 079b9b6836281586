import type { Handlers } from '../../../shared/contract';
import type { SettingsService } from './service';

export function settingsHandlers(service: SettingsService): Handlers['settings'] {
  return {
    get: () => service.get(),
    update: (changes) => service.update(changes),
  };
}
