import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHost } from '../../../src/main/services/search/host';
import { parseQuery } from '../../../src/main/services/search/query';
import { warmUpQueries } from '../../../src/main/services/search/warmup';
import type { IndexData } from '../../../src/main/services/search/types';
import type { SearchStatus } from '../../../src/shared/search';
import { freshNotebook, hitsOf, hostFor } from './helpers';

// Worker threads start slowly on a loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
afterEach(() => {
  for (const x of open.splice(0).reverse()) x.close();
});

async function started(): Promise<SearchHost> {
  const notebook = track(freshNotebook());
  const host = track(hostFor(notebook.dataDir));
  await host.start(() => {});
  return host;
}

const engineOf = (host: SearchHost) => (host as unknown as { engine: IndexData }).engine;

describe('warm-up queries', () => {
  it('come in every shape a person types, made of the index’s own words, and parse cleanly', async () => {
    const index = engineOf(await started());
    const queries = warmUpQueries(index, 400);
    expect(queries).toHaveLength(400);
    expect(warmUpQueries(index, 400)).toEqual(queries);
    const words = new Set(index.vocabulary.terms);
    const shapes = new Set<string>();
    for (const q of queries) {
      const parsed = parseQuery(q, undefined);
      expect(parsed.problems, q).toEqual([]);
      if (parsed.phrases.length > 0) shapes.add('phrase');
      else if (parsed.filters.entity.length > 0) shapes.add('entity');
      else if (!parsed.prefixLast) shapes.add(parsed.words.length === 1 ? 'typo' : 'two words typed in full');
      else if (parsed.words.length === 3) shapes.add('three words');
      else if (parsed.words.length === 2 && parsed.words[0] === parsed.words[1]) shapes.add('a word twice');
      else shapes.add(parsed.words.length === 1 ? 'one word' : 'two words');
      // Every word is the index's own, but for the typo's swapped letters and a word half typed.
      if (parsed.phrases.length > 0) for (const w of parsed.phrases[0]!.split(' ')) expect(words.has(w), q).toBe(true);
      else if (parsed.prefixLast || parsed.filters.entity.length > 0) expect(words.has(parsed.words[0]!), q).toBe(true);
    }
    expect([...shapes].sort()).toEqual(
      ['a word twice', 'entity', 'one word', 'phrase', 'three words', 'two words', 'two words typed in full', 'typo'].sort(),
    );
    // Entity filters name entities the index holds.
    const ids = new Set(index.entities.map((e) => e.id));
    for (const q of queries) for (const e of parseQuery(q, undefined).filters.entity) expect(ids.has(e), q).toBe(true);
  });

  it('leave out words common enough to make the warm-up slow', async () => {
    const index = engineOf(await started());
    const most = Math.max(2, Math.floor(index.liveByKind[0]! / 200));
    for (const q of warmUpQueries(index, 200)) {
      const first = parseQuery(q, undefined).words[0] ?? parseQuery(q, undefined).phrases[0]!.split(' ')[0]!;
      const id = index.vocabulary.idOf(first);
      if (id !== undefined) expect(index.vocabulary.frequency(id), q).toBeLessThanOrEqual(most);
    }
  });

  it('are none for an empty index', async () => {
    const host = await started();
    const index = engineOf(host);
    const empty = { ...index, docCount: 0 } as unknown as IndexData;
    expect(warmUpQueries(empty, 50)).toEqual([]);
  });
});

describe('SearchHost.warmUp', () => {
  it('asks the queries, lets requests in between, changes no answer, and says the index is warm', async () => {
    const host = await started();
    const before = host.query('Capvision raided', {});
    const statuses: SearchStatus[] = [];
    host.onStatus = (s) => statuses.push(s);
    const warming = host.warmUp(300);
    // The warm-up yields after its first slice: a request is answered before it ends.
    expect(host.status.warm).toBeUndefined();
    expect(hitsOf(host.query('Capvision raided', {}))).toEqual(hitsOf(before));
    const done = await warming;
    expect(done.queries).toBe(300);
    expect(host.status.warm).toBe(true);
    expect(statuses.at(-1)?.warm).toBe(true);
    expect(host.query('Capvision raided', {}).groups).toEqual(before.groups);
    // Asked again, it is the same warm-up, not a second one.
    expect(await host.warmUp(300)).toBe(done);
  });

  it('stops when the host closes, without touching the closed database', async () => {
    const host = await started();
    const warming = host.warmUp(100_000);
    host.close();
    const done = await warming;
    expect(done.queries).toBeLessThan(100_000);
    expect(host.status.warm).toBeUndefined();
  });
});

describe('through the notebook (worker thread)', () => {
  it('the search worker warms up when asked, and search answers as before', async () => {
    const notebook = track(freshNotebook());
    const warm = new Promise<SearchStatus>((resolve) => notebook.on('searchStatus', (s) => s.warm && resolve(s)));
    notebook.search.warmUp();
    expect((await warm).state).toBe('ready');
    const response = await notebook.host.search.query({ q: 'Capvison', limit: 3 });
    expect(hitsOf(response).map((h) => `${h.sourceId} ¶${h.ordinal}`)).toContain('seed-002 ¶30');
  });

  it('a notebook nobody asked to warm up (the CLI) never does', async () => {
    const notebook = track(freshNotebook());
    const statuses: SearchStatus[] = [];
    notebook.on('searchStatus', (s) => statuses.push(s));
    await notebook.search.ready();
    await notebook.search.query('Capvision');
    await notebook.search.flush();
    expect(statuses.some((s) => s.warm)).toBe(false);
  });
});
