import type { Db } from '../db';
import type { EntityType } from '../../../../shared/domain';
import { foldForMatch } from '../../../../shared/text';

export type EntityOrigin = 'curated' | 'user' | 'suggested';

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  date: string | null;
  origin: EntityOrigin;
}

export interface AliasRecord {
  entityId: string;
  type: EntityType;
  alias: string;
  /** `foldForMatch(alias)`: what lookups compare. */
  folded: string;
  exactCase: boolean;
  /** '' links everywhere; a source id limits a bare name to the document that makes it certain. */
  scope: string;
  /** Who added the alias (migration 0007): curated aliases link as checked in the seed sources. */
  origin: EntityOrigin;
  /** A person's verdict on the alias; null lets its words decide (entities/aliasClass.ts). */
  strength: 'strong' | 'generic' | null;
}

export type NewAlias = Pick<AliasRecord, 'alias' | 'exactCase' | 'scope'>;

const ENTITY = `id, type, name, description, date, origin`;
const ALIAS = `entity_id AS entityId, type, alias, folded, exact_case AS exactCase, scope, origin, strength`;

const decodeAlias = (row: Omit<AliasRecord, 'exactCase'> & { exactCase: 0 | 1 }): AliasRecord => ({
  ...row,
  exactCase: row.exactCase === 1,
});

export function entitiesRepository(db: Db) {
  const insertEntity = db.prepare(
    `INSERT INTO entity (id, type, name, description, date, origin) VALUES (@id, @type, @name, @description, @date, @origin)`,
  );
  const insertAlias = db.prepare(
    `INSERT INTO entity_alias (entity_id, type, alias, folded, exact_case, scope, origin)
     VALUES (@entityId, @type, @alias, @folded, @exactCase, @scope, @origin)`,
  );
  const listAll = db.prepare(`SELECT ${ENTITY} FROM entity ORDER BY type, name COLLATE NOCASE`);
  const listByType = db.prepare(`SELECT ${ENTITY} FROM entity WHERE type = ? ORDER BY name COLLATE NOCASE`);
  const byId = db.prepare(`SELECT ${ENTITY} FROM entity WHERE id = ?`);
  const aliasesOf = db.prepare(`SELECT ${ALIAS} FROM entity_alias WHERE entity_id = ? ORDER BY alias`);
  const allAliases = db.prepare(`SELECT ${ALIAS} FROM entity_alias`);
  const byFolded = db.prepare(`SELECT entity_id AS id FROM entity_alias WHERE folded = ? ORDER BY scope = '' DESC LIMIT 1`);
  const byFoldedName = db.prepare(`SELECT id FROM entity WHERE lower(name) = ? LIMIT 1`);
  const count = db.prepare(`SELECT count(*) AS n FROM entity`);
  const setStrength = db.prepare(`UPDATE entity_alias SET strength = ? WHERE entity_id = ? AND folded = ? AND scope = ?`);

  const addAlias = (entity: Pick<EntityRecord, 'id' | 'type'>, a: NewAlias, origin: EntityOrigin = 'user') =>
    void insertAlias.run({
      entityId: entity.id,
      type: entity.type,
      alias: a.alias,
      folded: foldForMatch(a.alias),
      exactCase: a.exactCase ? 1 : 0,
      scope: a.scope,
      origin,
    });

  return {
    /** An entity and its aliases; its own name is always one, linking everywhere. */
    insert(entity: EntityRecord, aliases: NewAlias[]): void {
      insertEntity.run(entity);
      const seen = new Set<string>();
      for (const a of [{ alias: entity.name, exactCase: false, scope: '' }, ...aliases]) {
        const key = `${foldForMatch(a.alias)}\u0000${a.scope}`;
        if (seen.has(key)) continue;
        seen.add(key);
        addAlias(entity, a, entity.origin);
      }
    },
    addAlias,
    list: (type?: EntityType) => (type ? listByType.all(type) : listAll.all()) as EntityRecord[],
    get: (id: string) => byId.get(id) as EntityRecord | undefined,
    aliases: (id: string) => (aliasesOf.all(id) as Parameters<typeof decodeAlias>[0][]).map(decodeAlias),
    allAliases: () => (allAliases.all() as Parameters<typeof decodeAlias>[0][]).map(decodeAlias),
    findIdByAlias(text: string): string | undefined {
      const folded = foldForMatch(text);
      return ((byFolded.get(folded) ?? byFoldedName.get(folded)) as { id: string } | undefined)?.id;
    },
    count: () => (count.get() as { n: number }).n,
    /** A person's (or the curators') verdict on an alias; null hands the decision back to its words. */
    setAliasStrength: (entityId: string, alias: string, scope: string, strength: 'strong' | 'generic' | null) =>
      setStrength.run(strength, entityId, foldForMatch(alias), scope).changes,
  };
}
