/**
 * Precision-first linking (issue 12). Every mention records how it was made and how sure the
 * linker was; spans a generic alias matches without support in their document are kept apart as
 * possible mentions, so nothing that counts links (entity counts, search's entity: filter, the
 * reader) ever sees them. Aliases record who added them and may carry a person's own verdict on
 * their strength; suggestions keep the title found before a name as a role, and the entity a
 * candidate is another form of.
 *
 * Existing rows: a user's mention stays 'user'; mentions in seed sources were linked with the
 * curated aliases the curators checked against those texts ('curated'); imported mentions whose
 * surface is the entity's name are 'name', the rest 'alias' at 0.7 (they were made before aliases
 * had classes: re-linking judges them again).
 */
/* Round 2 adds entity_edit (history with undo) and entity_redirect (merged ids keep resolving). */
export const sql = /* sql */ `
ALTER TABLE mention ADD COLUMN method TEXT NOT NULL DEFAULT 'alias'
  CHECK (method IN ('curated', 'name', 'alias', 'context', 'person', 'user'));
ALTER TABLE mention ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0 AND confidence <= 1);
ALTER TABLE mention ADD COLUMN alias TEXT;

UPDATE mention SET method = 'user' WHERE origin = 'user';
UPDATE mention SET method = 'curated', alias = surface
 WHERE origin <> 'user' AND passage_id IN (
   SELECT p.id FROM passage p JOIN source_version v ON v.id = p.version_id JOIN source s ON s.id = v.source_id WHERE s.kind = 'seed');
UPDATE mention SET method = 'name', confidence = 0.95, alias = surface
 WHERE method = 'alias' AND origin <> 'user' AND lower(surface) = (SELECT lower(e.name) FROM entity e WHERE e.id = mention.entity_id);
UPDATE mention SET confidence = 0.7, alias = surface WHERE method = 'alias' AND alias IS NULL;

ALTER TABLE entity_alias ADD COLUMN origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('curated', 'user', 'suggested'));
ALTER TABLE entity_alias ADD COLUMN strength TEXT CHECK (strength IS NULL OR strength IN ('strong', 'generic'));
UPDATE entity_alias SET origin = (SELECT e.origin FROM entity e WHERE e.id = entity_alias.entity_id);
UPDATE entity_alias SET origin = 'user'
 WHERE EXISTS (SELECT 1 FROM entity_suggestion s WHERE s.status = 'aliased' AND s.entity_id = entity_alias.entity_id AND s.folded = entity_alias.folded);

CREATE TABLE possible_mention (
  id         INTEGER PRIMARY KEY,
  entity_id  TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  passage_id INTEGER NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL CHECK ("end" > start),
  surface    TEXT NOT NULL,
  alias      TEXT NOT NULL,
  reason     TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed')),
  UNIQUE (passage_id, start, "end", entity_id)
) STRICT;
CREATE INDEX possible_mention_entity ON possible_mention(entity_id);

CREATE TRIGGER change_log_possible_mention_insert AFTER INSERT ON possible_mention BEGIN
  INSERT INTO change_log (kind, ref) VALUES ('entity', NEW.entity_id)
    ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);
END;
CREATE TRIGGER change_log_possible_mention_update AFTER UPDATE ON possible_mention BEGIN
  INSERT INTO change_log (kind, ref) VALUES ('entity', NEW.entity_id)
    ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);
END;
CREATE TRIGGER change_log_possible_mention_delete AFTER DELETE ON possible_mention BEGIN
  INSERT INTO change_log (kind, ref) VALUES ('entity', OLD.entity_id)
    ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);
END;

ALTER TABLE entity_suggestion ADD COLUMN role TEXT;
ALTER TABLE entity_suggestion ADD COLUMN alias_of TEXT REFERENCES entity(id) ON DELETE SET NULL;

-- The workbench's record (round 2): every edit a person makes to entities, with what it replaced,
-- so it can be shown and undone. Not tied to entity rows by key: a deleted entity keeps its history.
CREATE TABLE entity_edit (
  id         INTEGER PRIMARY KEY,
  entity_ids TEXT NOT NULL,
  action     TEXT NOT NULL,
  summary    TEXT NOT NULL,
  before     TEXT NOT NULL,
  sources    TEXT NOT NULL,
  at         TEXT NOT NULL,
  undone_at  TEXT
) STRICT;

-- An entity merged into another keeps resolving to it (links, notes, the command line).
CREATE TABLE entity_redirect (
  from_id TEXT PRIMARY KEY,
  to_id   TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  edit_id INTEGER NOT NULL REFERENCES entity_edit(id)
) STRICT;
`;
