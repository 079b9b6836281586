import { afterAll, describe, expect, it } from 'vitest';
import { freshNotebook, hitsOf, hostFor } from './helpers';

/**
 * Scale at a size CI affords (the million-passage run lives in npm run bench:search): one source
 * of 150,000 passages, more than a list spread into call arguments survives, builds in chunks,
 * persists, reloads and answers; a word only in the last passage is found.
 */
const PASSAGES = 150_000;

describe('a large source', () => {
  const notebook = freshNotebook();
  afterAll(() => notebook.close());

  it(`builds, persists, reloads and answers with ${PASSAGES.toLocaleString('en')} passages in one source`, async () => {
    const db = notebook.db;
    notebook.store.write('Adding a large source', () => {
      const metadata = JSON.stringify({ title: 'Large ledger', authors: [], issued: '2021', publisher: null, url: null, note: null });
      db.prepare(`INSERT INTO source (id, kind, metadata, created_at) VALUES ('big', 'import', ?, '2026-01-01')`).run(metadata);
      db.prepare(
        `INSERT INTO source_version (id, source_id, sha256, original, text, metadata, media_type, created_at) VALUES ('v-big', 'big', 'sha-big', x'00', '', ?, 'text/plain', '2026-01-01')`,
      ).run(metadata);
      db.prepare(`UPDATE source SET current_version_id = 'v-big' WHERE id = 'big'`).run();
      const insert = db.prepare(
        `INSERT INTO passage (version_id, anchor, ordinal, kind, text, start, "end") VALUES ('v-big', ?, ?, 'paragraph', ?, 0, ?)`,
      );
      for (let i = 1; i <= PASSAGES; i++) {
        const text = i === PASSAGES ? 'Entry final: the quetzal ledger closes.' : `Entry ${i}: routine ledger line ${i % 97}.`;
        insert.run(`p${i}`, i, text, text.length);
      }
    });
    const host = hostFor(notebook.dataDir);
    const status = await host.start(() => {});
    expect(status.state).toBe('ready');
    expect(status.documents).toBeGreaterThan(PASSAGES);
    expect(hitsOf(host.query('quetzal ledger')).map((h) => h.ordinal)).toEqual([PASSAGES]);
    expect(host.query('routine ledger').groups[0]!.total).toBe(PASSAGES - 1);
    host.close();
    const reloaded = hostFor(notebook.dataDir);
    expect((await reloaded.start(() => {})).origin).toBe('disk');
    expect(hitsOf(reloaded.query('quetzal')).map((h) => h.ordinal)).toEqual([PASSAGES]);
    reloaded.close();
  }, 600_000);
});
