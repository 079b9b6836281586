import type { Db } from '../db';

/**
 * What a person's decision may change about a set of entities, as rows: the entity, its aliases,
 * the mentions a person made, the spans they dismissed, notes' @links and redirects to it. Machine
 * links are not kept: they follow from the aliases, so undo restores the aliases and re-links.
 */
export interface EntitySnapshot {
  ids: string[];
  entities: Record<string, unknown>[];
  aliases: Record<string, unknown>[];
  userMentions: Record<string, unknown>[];
  dismissed: Record<string, unknown>[];
  noteLinks: Record<string, unknown>[];
  redirects: Record<string, unknown>[];
  /** Absent from snapshots taken before migration 0009. */
  decisions?: Record<string, unknown>[];
}

export interface EntityEditRecord {
  id: number;
  entityIds: string[];
  action: string;
  summary: string;
  at: string;
  undoneAt: string | null;
  sources: string[];
  before: EntitySnapshot;
}

const TABLES = [
  ['entities', 'entity', 'id'],
  ['aliases', 'entity_alias', 'entity_id'],
  ['userMentions', 'mention', 'entity_id'],
  ['dismissed', 'possible_mention', 'entity_id'],
  ['noteLinks', 'link', 'to_entity_id'],
  ['redirects', 'entity_redirect', 'to_id'],
  ['decisions', 'entity_decision', 'entity_id'],
] as const;

const WHERE_EXTRA: Record<string, string> = {
  mention: ` AND origin = 'user'`,
  possible_mention: ` AND status = 'dismissed'`,
};

interface EditRow {
  id: number;
  entityIds: string;
  action: string;
  summary: string;
  at: string;
  undoneAt: string | null;
  sources: string;
  before: string;
}

const decode = (r: EditRow): EntityEditRecord => ({
  ...r,
  entityIds: JSON.parse(r.entityIds) as string[],
  sources: JSON.parse(r.sources) as string[],
  before: JSON.parse(r.before) as EntitySnapshot,
});

export function entityEditsRepository(db: Db) {
  const COLUMNS = `id, entity_ids AS entityIds, action, summary, at, undone_at AS undoneAt, sources, before`;
  const insert = db.prepare(
    `INSERT INTO entity_edit (entity_ids, action, summary, before, sources, at) VALUES (@entityIds, @action, @summary, @before, @sources, @at)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM entity_edit WHERE id = ?`);
  const forEntity = db.prepare(
    `SELECT ${COLUMNS} FROM entity_edit WHERE EXISTS (SELECT 1 FROM json_each(entity_ids) WHERE value = ?) ORDER BY id DESC`,
  );
  const markUndone = db.prepare(`UPDATE entity_edit SET undone_at = ? WHERE id = ?`);
  const redirect = db.prepare(`SELECT to_id AS toId FROM entity_redirect WHERE from_id = ?`);
  const addRedirect = db.prepare(`INSERT OR REPLACE INTO entity_redirect (from_id, to_id, edit_id) VALUES (?, ?, ?)`);

  function rows(table: string, key: string, ids: readonly string[]): Record<string, unknown>[] {
    const marks = ids.map(() => '?').join(', ');
    return db.prepare(`SELECT * FROM ${table} WHERE ${key} IN (${marks})${WHERE_EXTRA[table] ?? ''}`).all(...ids) as Record<
      string,
      unknown
    >[];
  }

  function insertRows(table: string, list: Record<string, unknown>[]): void {
    for (const row of list) {
      const cols = Object.keys(row);
      db.prepare(
        `INSERT OR REPLACE INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ).run(...cols.map((c) => row[c]));
    }
  }

  return {
    snapshot(ids: readonly string[]): EntitySnapshot {
      const snap: EntitySnapshot = {
        ids: [...ids],
        entities: [],
        aliases: [],
        userMentions: [],
        dismissed: [],
        noteLinks: [],
        redirects: [],
        decisions: [],
      };
      for (const [field, table, key] of TABLES) snap[field] = rows(table, key, ids);
      return snap;
    },
    /** Puts the entities back exactly as the snapshot has them; entities it did not hold are removed. */
    restore(snap: EntitySnapshot): void {
      const marks = snap.ids.map(() => '?').join(', ');
      db.prepare(`DELETE FROM entity_redirect WHERE to_id IN (${marks}) OR from_id IN (${marks})`).run(...snap.ids, ...snap.ids);
      db.prepare(`DELETE FROM entity WHERE id IN (${marks})`).run(...snap.ids);
      insertRows('entity', snap.entities);
      db.prepare(`DELETE FROM entity_alias WHERE entity_id IN (${marks})`).run(...snap.ids);
      insertRows('entity_alias', snap.aliases);
      insertRows('mention', snap.userMentions);
      insertRows('possible_mention', snap.dismissed);
      insertRows('link', snap.noteLinks);
      insertRows('entity_redirect', snap.redirects);
      db.prepare(`DELETE FROM entity_decision WHERE entity_id IN (${marks})`).run(...snap.ids);
      insertRows('entity_decision', snap.decisions ?? []);
    },
    record(e: { entityIds: string[]; action: string; summary: string; before: EntitySnapshot; sources: string[] }): number {
      return Number(
        insert.run({
          entityIds: JSON.stringify(e.entityIds),
          action: e.action,
          summary: e.summary,
          before: JSON.stringify(e.before),
          sources: JSON.stringify(e.sources),
          at: new Date().toISOString(),
        }).lastInsertRowid,
      );
    },
    get: (id: number) => {
      const row = byId.get(id) as EditRow | undefined;
      return row && decode(row);
    },
    forEntity: (entityId: string) => (forEntity.all(entityId) as EditRow[]).map(decode),
    markUndone: (id: number) => void markUndone.run(new Date().toISOString(), id),
    redirectOf: (id: string) => (redirect.get(id) as { toId: string } | undefined)?.toId,
    addRedirect: (fromId: string, toId: string, editId: number) => void addRedirect.run(fromId, toId, editId),
  };
}
