/**
 * A person's decisions about mentions, kept apart from the passages they were made on (issue 12):
 * a re-import or a new version of a source, or a re-seed, makes new passages, and a decision keyed
 * by passage id would be lost with the old ones. Each decision names its source, the mention's
 * exact words and the words around them (a quote anchor, as a citation keeps), and is replayed on
 * the current text after every (re)linking of that source (services/entities/decisions.ts).
 * 'link' is a mention a person made or confirmed; 'dismiss' a span they said is not this entity.
 *
 * Existing decisions (a person's mentions, dismissed possible mentions) are copied in with up to
 * 32 characters of context each side.
 */
export const sql = /* sql */ `
CREATE TABLE entity_decision (
  id        INTEGER PRIMARY KEY,
  entity_id TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('link', 'dismiss')),
  exact     TEXT NOT NULL CHECK (length(exact) > 0),
  prefix    TEXT NOT NULL,
  suffix    TEXT NOT NULL,
  at        TEXT NOT NULL,
  UNIQUE (entity_id, source_id, kind, exact, prefix, suffix)
) STRICT;
CREATE INDEX entity_decision_source ON entity_decision(source_id);

INSERT OR IGNORE INTO entity_decision (entity_id, source_id, kind, exact, prefix, suffix, at)
SELECT m.entity_id, v.source_id, 'link', m.surface,
       substr(p.text, max(1, m.start - 31), min(32, m.start)), substr(p.text, m."end" + 1, 32), strftime('%Y-%m-%dT%H:%M:%fZ')
  FROM mention m JOIN passage p ON p.id = m.passage_id JOIN source_version v ON v.id = p.version_id
 WHERE m.origin = 'user' AND length(m.surface) > 0;
INSERT OR IGNORE INTO entity_decision (entity_id, source_id, kind, exact, prefix, suffix, at)
SELECT m.entity_id, v.source_id, 'dismiss', m.surface,
       substr(p.text, max(1, m.start - 31), min(32, m.start)), substr(p.text, m."end" + 1, 32), strftime('%Y-%m-%dT%H:%M:%fZ')
  FROM possible_mention m JOIN passage p ON p.id = m.passage_id JOIN source_version v ON v.id = p.version_id
 WHERE m.status = 'dismissed' AND length(m.surface) > 0;
`;
