import type { Db } from '../db';
import type { EntityType } from '../../../../shared/domain';
import { foldForMatch } from '../../../../shared/text';

/** The writes a person's entity decisions make (services/entities/workbench.ts), one statement each. */
export function entityChangesRepository(db: Db) {
  const rename = db.prepare(`UPDATE entity SET name = ? WHERE id = ?`);
  const setType = db.prepare(`UPDATE entity SET type = ? WHERE id = ?`);
  const setAliasType = db.prepare(`UPDATE entity_alias SET type = ? WHERE entity_id = ?`);
  const removeAlias = db.prepare(`DELETE FROM entity_alias WHERE entity_id = ? AND folded = ?`);
  const moveAliases = db.prepare(`UPDATE OR IGNORE entity_alias SET entity_id = @to, type = @type WHERE entity_id = @from`);
  const moveUserMentions = db.prepare(`UPDATE mention SET entity_id = @to WHERE entity_id = @from AND origin = 'user'`);
  const moveDismissed = db.prepare(
    `UPDATE OR IGNORE possible_mention SET entity_id = @to WHERE entity_id = @from AND status = 'dismissed'`,
  );
  const moveNoteLinks = db.prepare(`UPDATE OR IGNORE link SET to_entity_id = @to WHERE to_entity_id = @from`);
  const moveRedirects = db.prepare(`UPDATE entity_redirect SET to_id = @to WHERE to_id = @from`);
  const moveDecisions = db.prepare(`UPDATE OR IGNORE entity_decision SET entity_id = @to WHERE entity_id = @from`);
  const remove = db.prepare(`DELETE FROM entity WHERE id = ?`);
  const mention = db.prepare(
    `SELECT m.id, m.entity_id AS entityId, m.passage_id AS passageId, m.start, m."end", m.surface, s.id AS sourceId
       FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source_version v ON v.id = p.version_id JOIN source s ON s.id = v.source_id
      WHERE m.id = ?`,
  );
  const deleteMention = db.prepare(`DELETE FROM mention WHERE id = ?`);
  const dismiss = db.prepare(
    `INSERT INTO possible_mention (entity_id, passage_id, start, "end", surface, alias, reason, confidence, status)
     VALUES (@entityId, @passageId, @start, @end, @surface, @surface, 'unlinked by a person', 1, 'dismissed')
     ON CONFLICT (passage_id, start, "end", entity_id) DO UPDATE SET status = 'dismissed'`,
  );
  const passage = db.prepare(
    `SELECT p.id, p.text, s.id AS sourceId FROM passage p JOIN source_version v ON v.id = p.version_id JOIN source s ON s.id = v.source_id WHERE p.id = ?`,
  );
  const overlapping = db.prepare(`DELETE FROM mention WHERE passage_id = ? AND start < ? AND "end" > ?`);
  const sourcesOf = db.prepare(
    `SELECT DISTINCT s.id FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source s ON s.current_version_id = p.version_id
      WHERE m.entity_id = ?
     UNION SELECT DISTINCT s.id FROM possible_mention m JOIN passage p ON p.id = m.passage_id JOIN source s ON s.current_version_id = p.version_id
      WHERE m.entity_id = ?`,
  );

  return {
    rename: (id: string, name: string) => void rename.run(name, id),
    setType(id: string, type: EntityType): void {
      setType.run(type, id);
      setAliasType.run(type, id);
    },
    removeAlias: (id: string, alias: string) => removeAlias.run(id, foldForMatch(alias)).changes,
    /** Moves everything a person or the curators attached to `from` onto `to`, then removes `from`. */
    absorb(from: string, to: string, type: EntityType): void {
      const p = { from, to, type };
      moveAliases.run(p);
      moveUserMentions.run(p);
      moveDismissed.run(p);
      moveNoteLinks.run(p);
      moveRedirects.run(p);
      moveDecisions.run(p);
      remove.run(from);
    },
    remove: (id: string) => void remove.run(id),
    mention: (id: number) =>
      mention.get(id) as
        { id: number; entityId: string; passageId: number; start: number; end: number; surface: string; sourceId: string } | undefined,
    deleteMention: (id: number) => void deleteMention.run(id),
    /** A span a person said is not this entity: re-linking never links it again. */
    dismiss: (m: { entityId: string; passageId: number; start: number; end: number; surface: string }) => void dismiss.run(m),
    passage: (id: number) => passage.get(id) as { id: number; text: string; sourceId: string } | undefined,
    clearSpan: (passageId: number, start: number, end: number) => void overlapping.run(passageId, end, start),
    sourcesOf: (id: string) => (sourcesOf.all(id, id) as { id: string }[]).map((r) => r.id),
  };
}
