import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/services/store/migrations';
import { migrate, openDatabase, schemaVersion } from '../../src/main/services/store/db';

function schemaOf(db: ReturnType<typeof openDatabase>): string {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`).join('\n\n');
}

describe('migrations', () => {
  it('are numbered, strictly increasing and non-empty', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const m of migrations) expect(m.sql.trim().length).toBeGreaterThan(0);
  });

  it('replay on an empty database to the snapshotted schema', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(schemaOf(db)).toMatchSnapshot();
    db.close();
  });

  it('replayed one at a time give the same schema as all at once', () => {
    const stepwise = openDatabase(':memory:', { migrations: [] });
    for (let i = 1; i <= migrations.length; i++) migrate(stepwise, migrations.slice(0, i));
    const direct = openDatabase(':memory:');
    expect(schemaOf(stepwise)).toBe(schemaOf(direct));
  });

  it('roll back a failing migration entirely', () => {
    const db = openDatabase(':memory:');
    const before = schemaOf(db);
    const broken = [...migrations, { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaOf(db)).toBe(before);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
  });

  it('refuse a notebook written by a newer schema', () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 9999');
    expect(() => migrate(db, migrations)).toThrow(/newer Sourcebook/);
  });

  it('run with WAL, synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(`${process.env.TMPDIR ?? '/tmp'}/sb-pragmas-${process.pid}.sqlite`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
