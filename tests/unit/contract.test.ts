import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCalls, makeApi } from '../../src/shared/contract';
import { ApiError } from '../../src/shared/errors';
import { freshNotebook } from './helpers';

/** Bad input for every call the foundation declares, and what must happen: a clear error, nothing written. */
const BAD_INPUTS: Record<string, unknown[]> = {
  'sources.list': [{ extra: 1 }, 'text', 42],
  'sources.get': [{}, { id: '' }, { id: '../../etc/passwd' }, { id: 5 }, { id: 'seed-000', extra: true }, null],
  'sources.updateMetadata': [
    { metadata: {} },
    { sourceId: 'seed-000', metadata: { title: 'x'.repeat(2001) } },
    { sourceId: 'seed-000', metadata: { authors: ['  '] } },
    { sourceId: 'seed-000', metadata: { colour: 'red' } },
  ],
  'entities.list': [{ type: 'planet' }, { type: 3 }],
  'entities.get': [{}, { id: 'Robert"); DROP TABLE entity;--' }, { id: 'x'.repeat(200) }],
  'entities.resolve': [{}, { ref: '' }, { ref: '   ' }, { ref: 'x'.repeat(201) }],
  'settings.get': [{ theme: 'dark' }],
  'settings.update': [
    { theme: 'neon' },
    { fontSize: 15 },
    { notePaneWidth: 1e9 },
    { openNoteId: '../etc' },
    { recentNoteIds: ['n-ok12', 5] },
    { firstRun: { done: ['fly'], dismissed: false } },
  ],
};

describe('the contract boundary', () => {
  let notebook: ReturnType<typeof freshNotebook>;
  beforeAll(() => (notebook = freshNotebook()));
  afterAll(() => notebook.close());

  /** Wrong shapes every call must refuse, whatever its fields: no schema accepts these. */
  const ANY_CALL: unknown[] = ['text', 42, [], true, { __proto__: { polluted: true }, unexpected: 1 }];
  const cases = allCalls().flatMap(({ wire }) => [...ANY_CALL, ...(BAD_INPUTS[wire] ?? [])].map((input) => [wire, input] as const));
  it.each(cases)('%s rejects %j with a clear message and writes nothing', async (wire, input) => {
    const before = notebook.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    const error = await notebook.dispatch(wire, input, 'host').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_input');
    expect((error as ApiError).message).toMatch(new RegExp(`^${wire.replace('.', '\\.')}: \\S`));
    expect((error as ApiError).message).not.toMatch(/undefined|\[object/);
    const after = notebook.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('names the field and the rule', async () => {
    await expect(notebook.host.sources.get({ id: '../x' })).rejects.toThrow('sources.get: id must be a source id such as "seed-000"');
  });

  it('refuses calls the contract does not declare', async () => {
    await expect(notebook.dispatch('sources.drop', {}, 'host')).rejects.toThrow('Unknown call "sources.drop"');
    await expect(notebook.dispatch('__proto__.constructor', {}, 'host')).rejects.toThrow(/Unknown call/);
    await expect(notebook.dispatch('sources.list.extra', {}, 'host')).rejects.toThrow(/Unknown call/);
  });

  it('refuses host-only calls from the app window, and leaves them out of window.api', async () => {
    const hostOnly = allCalls()
      .filter((c) => c.spec.hostOnly)
      .map((c) => c.wire);
    expect(hostOnly).toContain('imports.importPaths');
    await expect(notebook.dispatch('imports.importPaths', { paths: ['/etc/passwd'] }, 'window')).rejects.toThrow(
      '"imports.importPaths" is not available to the app window.',
    );
    const api = makeApi(
      async () => undefined,
      () => () => undefined,
    ) as unknown as Record<string, Record<string, unknown>>;
    expect(api.imports!.importPaths).toBeUndefined();
    expect(api.imports!.importFiles).toBeTypeOf('function');
    // The page's type leaves it out too: this line compiles only because the error is expected.
    const pageApi = makeApi(
      async () => undefined,
      () => () => undefined,
    );
    // @ts-expect-error importPaths is host-only, so it is not part of Api
    expect(pageApi.imports.importPaths).toBeUndefined();
  });

  it('answers a missing source or entity with not_found', async () => {
    await expect(notebook.host.sources.get({ id: 'seed-999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(notebook.host.entities.resolve({ ref: 'Nobody At All' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('resolves entities by id, name and alias, case-insensitively', async () => {
    await expect(notebook.host.entities.resolve({ ref: 'mss' })).resolves.toMatchObject({ id: 'mss' });
    await expect(notebook.host.entities.resolve({ ref: 'ministry of state security' })).resolves.toMatchObject({ id: 'mss' });
    await expect(notebook.host.entities.resolve({ ref: 'President Xi' })).resolves.toMatchObject({ id: 'xi-jinping' });
  });
});
