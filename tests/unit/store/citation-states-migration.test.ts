import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../../src/main/services/store/db';
import { migrations } from '../../../src/main/services/store/migrations';

/** Migration 0006 renames citation states and records each pinned text's hash; old rows keep their meaning. */
describe('migration 0006: citation states and text hashes', () => {
  it('maps ok / moved / review / orphaned to current / moved / changed or lost / lost, in rows and histories', () => {
    const db = openDatabase(':memory:', { migrations: migrations.filter((m) => m.version < 6) });
    const text = 'The ministry said it did not approve the export licences.';
    db.exec(`
      INSERT INTO source (id, kind, canonical_url, metadata, current_version_id, created_at) VALUES ('s-1', 'import', NULL, '{}', 'v-1', 'now');
      INSERT INTO source_version (id, source_id, sha256, original, text, metadata, file_name, media_type, created_at)
        VALUES ('v-1', 's-1', '${'a'.repeat(64)}', x'00', '${text}', '{}', NULL, 'text/plain', 'now');
      INSERT INTO note (id, title, document, created_at, updated_at) VALUES ('n-1', 'N', '{"root":{}}', 'now', 'now');
    `);
    const insert = db.prepare(
      `INSERT INTO citation (note_id, key, source_id, version_id, version_sha256, passage_anchor, passage_ordinal, exact, prefix, suffix, start, "end", status, history, created_at)
       VALUES ('n-1', ?, 's-1', 'v-1', '${'a'.repeat(64)}', 'p1', 1, 'the ministry', '', '', 4, 16, ?, ?, 'now')`,
    );
    const event = (status: string, suggestion = false) => ({
      status,
      method: 'none',
      reason: 'r',
      ...(suggestion ? { suggestion: { exact: 'x' } } : {}),
    });
    insert.run('ok', 'ok', '[]');
    insert.run('moved', 'moved', JSON.stringify([event('moved')]));
    insert.run('review-with', 'review', JSON.stringify([event('ok'), event('review', true)]));
    insert.run('review-without', 'review', JSON.stringify([event('review')]));
    insert.run('orphaned', 'orphaned', JSON.stringify([event('orphaned')]));

    migrate(db, migrations);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    const rows = db.prepare(`SELECT key, status, history, text_sha256 FROM citation ORDER BY id`).all() as {
      key: string;
      status: string;
      history: string;
      text_sha256: string;
    }[];
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['ok', 'current'],
      ['moved', 'moved'],
      ['review-with', 'changed'],
      ['review-without', 'lost'],
      ['orphaned', 'lost'],
    ]);
    expect(JSON.parse(rows[2]!.history)).toEqual([event('current'), { ...event('changed', true) }]);
    expect(JSON.parse(rows[4]!.history)[0].status).toBe('lost');
    const hash = createHash('sha256').update(text).digest('hex');
    expect(new Set(rows.map((r) => r.text_sha256))).toEqual(new Set([hash]));
    // The rebuilt table keeps its change-log triggers: other windows still hear of citation changes.
    const before = db.prepare(`SELECT max(seq) AS s FROM change_log`).get() as { s: number };
    db.prepare(`UPDATE citation SET status = 'moved' WHERE key = 'ok'`).run();
    expect((db.prepare(`SELECT max(seq) AS s FROM change_log`).get() as { s: number }).s).toBeGreaterThan(before.s);
    expect(() => db.prepare(`UPDATE citation SET status = 'review'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
