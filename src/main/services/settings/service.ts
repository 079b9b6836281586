import path from 'node:path';
import { SettingsSchema } from '../../../shared/contract/settings';
import { DEFAULT_SETTINGS, type Settings, type SettingsView } from '../../../shared/settings';
import { DATABASE_FILE } from '../store/db';
import type { Store } from '../store/store';

const KEY = 'settings';

export interface SettingsService {
  get(): SettingsView;
  update(changes: Partial<Settings>): SettingsView;
}

/**
 * Settings live in the notebook's meta table as one JSON value. What is stored is read field by
 * field: a field that is missing or no longer valid (an older or newer app wrote it) falls back
 * to its default instead of losing the others.
 */
export function createSettingsService({ store, dataDir }: { store: Store; dataDir: string }): SettingsService {
  const read = (): Settings => {
    const raw = store.read('Reading the settings', (repos) => repos.meta.get(KEY));
    let stored: Record<string, unknown> = {};
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
    } catch {
      // A damaged value is as good as none: the defaults stand.
    }
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [field, schema] of Object.entries(SettingsSchema().shape)) {
      const checked = schema.safeParse(stored[field]);
      if (checked.success) settings[field] = checked.data;
    }
    return settings as unknown as Settings;
  };
  const view = (settings: Settings): SettingsView => ({
    settings,
    notebook: { folder: dataDir, file: path.join(dataDir, DATABASE_FILE) },
  });
  return {
    get: () => view(read()),
    update: (changes) =>
      view(
        store.write('Saving the settings', (repos) => {
          const next = { ...read() };
          for (const [field, value] of Object.entries(changes)) if (value !== undefined) Object.assign(next, { [field]: value });
          repos.meta.set(KEY, JSON.stringify(next));
          return next;
        }),
      ),
  };
}
