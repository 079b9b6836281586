import type { Db } from '../db';
import type { EntityType } from '../../../../shared/domain';
import { foldForMatch } from '../../../../shared/text';

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  date: string | null;
  origin: 'curated' | 'user' | 'suggested';
}

export interface AliasRow {
  entity_id: string;
  type: EntityType;
  alias: string;
  folded: string;
  exact_case: 0 | 1;
  scope: string;
  /** Who added the alias (migration 0006): curated aliases link as checked in the seed sources. */
  origin: 'curated' | 'user' | 'suggested';
  /** A person's verdict on the alias; null lets its words decide (entities/aliasClass.ts). */
  strength: 'strong' | 'generic' | null;
}

export interface NewAlias {
  alias: string;
  exactCase: boolean;
  /** '' links everywhere; a source id limits a bare name to the document that makes it certain. */
  scope: string;
}

export function entitiesRepository(db: Db) {
  const insertEntity = db.prepare(
    `INSERT INTO entity (id, type, name, description, date, origin) VALUES (@id, @type, @name, @description, @date, @origin)`,
  );
  const insertAlias = db.prepare(
    `INSERT INTO entity_alias (entity_id, type, alias, folded, exact_case, scope, origin)
     VALUES (@entityId, @type, @alias, @folded, @exactCase, @scope, @origin)`,
  );
  const listAll = db.prepare(`SELECT * FROM entity ORDER BY type, name COLLATE NOCASE`);
  const listByType = db.prepare(`SELECT * FROM entity WHERE type = ? ORDER BY name COLLATE NOCASE`);
  const byId = db.prepare(`SELECT * FROM entity WHERE id = ?`);
  const aliasesOf = db.prepare(`SELECT * FROM entity_alias WHERE entity_id = ? ORDER BY alias`);
  const allAliases = db.prepare(`SELECT * FROM entity_alias`);
  const byFolded = db.prepare(`SELECT entity_id FROM entity_alias WHERE folded = ? ORDER BY scope = '' DESC LIMIT 1`);
  const byFoldedName = db.prepare(`SELECT id FROM entity WHERE lower(name) = ? LIMIT 1`);
  const count = db.prepare(`SELECT count(*) AS n FROM entity`);
  const setStrength = db.prepare(`UPDATE entity_alias SET strength = ? WHERE entity_id = ? AND folded = ? AND scope = ?`);

  return {
    insert(entity: EntityRow, aliases: NewAlias[]): void {
      insertEntity.run(entity);
      const seen = new Set<string>();
      for (const a of [{ alias: entity.name, exactCase: false, scope: '' }, ...aliases]) {
        const folded = foldForMatch(a.alias);
        const key = `${folded}\u0000${a.scope}`;
        if (seen.has(key)) continue;
        seen.add(key);
        insertAlias.run({
          entityId: entity.id,
          type: entity.type,
          alias: a.alias,
          folded,
          exactCase: a.exactCase ? 1 : 0,
          scope: a.scope,
          origin: entity.origin,
        });
      }
    },
    list: (type?: EntityType) => (type ? listByType.all(type) : listAll.all()) as EntityRow[],
    get: (id: string) => byId.get(id) as EntityRow | undefined,
    aliases: (id: string) => aliasesOf.all(id) as AliasRow[],
    allAliases: () => allAliases.all() as AliasRow[],
    findIdByAlias(text: string): string | undefined {
      const folded = foldForMatch(text);
      const row = (byFolded.get(folded) ?? byFoldedName.get(folded)) as { entity_id?: string; id?: string } | undefined;
      return row?.entity_id ?? row?.id;
    },
    count: () => (count.get() as { n: number }).n,
    /** A person's (or the curators') verdict on an alias; null hands the decision back to its words. */
    setAliasStrength: (entityId: string, alias: string, scope: string, strength: 'strong' | 'generic' | null) =>
      setStrength.run(strength, entityId, foldForMatch(alias), scope).changes,
  };
}
