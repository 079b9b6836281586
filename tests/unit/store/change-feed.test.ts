import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/shared/domain';
import { DATABASE_FILE } from '../../../src/main/services/store/db';
import { freshNotebook } from '../helpers';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const x of open.splice(0).reverse()) x.close();
});

/** Resolves with the first `changed` batch that satisfies `match`: waits for a state, not for time. */
function nextChange(notebook: ReturnType<typeof freshNotebook>, match: (c: Change) => boolean): Promise<Change[]> {
  return new Promise((resolve) => {
    const off = notebook.on('changed', ({ changes }) => {
      if (changes.some(match)) {
        off();
        resolve(changes);
      }
    });
  });
}

describe('the change feed', () => {
  it('tells `changed` for this process’s writes as soon as they commit', async () => {
    const notebook = freshNotebook();
    open.push(notebook);
    const seen: Change[] = [];
    notebook.on('changed', ({ changes }) => seen.push(...changes));
    const note = await notebook.host.notes.create({ title: 'Feed' });
    expect(seen).toContainEqual({ kind: 'note', noteId: note.id });
  });

  it('notices a commit made by another process and names what changed', async () => {
    const notebook = freshNotebook();
    open.push(notebook);
    const other = new Database(path.join(notebook.dataDir, DATABASE_FILE));
    open.push(other);
    const heard = nextChange(notebook, (c) => c.kind === 'source' && c.sourceId === 'seed-001');
    other.prepare(`UPDATE source SET metadata = json_set(metadata, '$.title', 'Retitled elsewhere') WHERE id = 'seed-001'`).run();
    expect(await heard).toContainEqual({ kind: 'source', sourceId: 'seed-001' });
  });

  it('names the entity and the source when a mention moves between entities', () => {
    const notebook = freshNotebook();
    open.push(notebook);
    const mention = notebook.db.prepare(`SELECT id, entity_id FROM mention WHERE entity_id = 'mss' LIMIT 1`).get() as { id: number };
    const seen: Change[] = [];
    notebook.on('changed', ({ changes }) => seen.push(...changes));
    notebook.store.write('Relinking a mention', () =>
      notebook.db.prepare(`UPDATE mention SET entity_id = 'xi-jinping' WHERE id = ?`).run(mention.id),
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        { kind: 'entity', entityId: 'mss' },
        { kind: 'entity', entityId: 'xi-jinping' },
      ]),
    );
    expect(seen.some((c) => c.kind === 'source')).toBe(true);
  });

  it('maps SQLite errors to the app’s own codes at the boundary', async () => {
    const notebook = freshNotebook({ busyRetryMs: 100 });
    open.push(notebook);
    const other = new Database(path.join(notebook.dataDir, DATABASE_FILE));
    open.push(other);
    other.pragma('busy_timeout = 0');
    notebook.db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    const error = await notebook.host.notes.create({ title: 'Blocked' }).catch((e: unknown) => e);
    other.exec('ROLLBACK');
    expect(error).toMatchObject({ code: 'busy' });
    expect((error as Error).message).not.toMatch(/SQLITE/);
  });
});
