import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { openNotebook } from '../../src/main/services/notebook';
import { freshNotebook, RESOURCES } from './helpers';

const reopen = (notebook: ReturnType<typeof freshNotebook>) => {
  notebook.close();
  return Object.assign(openNotebook({ dataDir: notebook.dataDir, resourcesDir: RESOURCES }), { dataDir: notebook.dataDir });
};

describe('settings are kept in the notebook', () => {
  let notebook: ReturnType<typeof freshNotebook>;
  afterEach(() => notebook.close());

  it('starts from the defaults and says where the notebook lives', async () => {
    notebook = freshNotebook();
    const view = await notebook.host.settings.get({});
    expect(view.settings).toEqual(DEFAULT_SETTINGS);
    expect(view.notebook.folder).toBe(notebook.dataDir);
    expect(view.notebook.file).toMatch(/notebook\.sqlite$/);
  });

  it('changes only what it is given, and the change survives reopening the notebook', async () => {
    notebook = freshNotebook();
    await notebook.host.settings.update({ theme: 'dark', notePaneWidth: 520 });
    const after = await notebook.host.settings.update({ fontSize: 18 });
    expect(after.settings).toMatchObject({ theme: 'dark', notePaneWidth: 520, fontSize: 18, citationStyle: 'chicago' });
    notebook = reopen(notebook);
    expect((await notebook.host.settings.get({})).settings).toMatchObject({ theme: 'dark', fontSize: 18 });
  });

  it('keeps every valid field of a damaged value and defaults the rest', async () => {
    notebook = freshNotebook();
    notebook.repos.meta.set('settings', JSON.stringify({ theme: 'dark', fontSize: 99, recentNoteIds: 'nope', unknown: 1 }));
    const { settings } = await notebook.host.settings.get({});
    expect(settings.theme).toBe('dark');
    expect(settings.fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(settings.recentNoteIds).toEqual([]);
    notebook.repos.meta.set('settings', '{not json');
    expect((await notebook.host.settings.get({})).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses values outside what the app offers, naming the field', async () => {
    notebook = freshNotebook();
    await expect(notebook.host.settings.update({ fontSize: 15 })).rejects.toThrow(/settings\.update: fontSize must be one of/);
    await expect(notebook.host.settings.update({ theme: 'neon' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(notebook.host.settings.update({ notePaneWidth: 10 })).rejects.toThrow(/notePaneWidth must be at least 200/);
  });
});
