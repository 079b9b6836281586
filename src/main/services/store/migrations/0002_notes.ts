/**
 * Notes, their revisions, the citations they make and the links they draw. The note's Lexical
 * JSON is the truth for what the writer wrote; citation and link rows are derived from it on
 * every save, in the same transaction, so backlinks never disagree with the documents.
 * A citation row also carries where its quote is anchored now, which re-anchoring may change
 * without touching the note: the node keeps the payload as cited, the row keeps the present.
 */
export const sql = /* sql */ `
CREATE TABLE note (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  document   TEXT NOT NULL CHECK (json_valid(document)),
  plain_text TEXT NOT NULL DEFAULT '',
  tags       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  save_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX note_updated ON note(deleted_at, updated_at);

CREATE TABLE note_revision (
  id         INTEGER PRIMARY KEY,
  note_id    TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  document   TEXT NOT NULL CHECK (json_valid(document)),
  plain_text TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('create', 'autosave', 'close', 'before-restore', 'restore')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX note_revision_note ON note_revision(note_id, id);

CREATE TABLE citation (
  id             INTEGER PRIMARY KEY,
  note_id        TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  key            TEXT NOT NULL,
  source_id      TEXT NOT NULL REFERENCES source(id),
  version_id     TEXT NOT NULL REFERENCES source_version(id),
  version_sha256 TEXT NOT NULL,
  passage_anchor TEXT NOT NULL,
  passage_ordinal INTEGER NOT NULL,
  exact          TEXT NOT NULL CHECK (length(exact) > 0),
  prefix         TEXT NOT NULL,
  suffix         TEXT NOT NULL,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL CHECK ("end" > start),
  status         TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'moved', 'review', 'orphaned')),
  history        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history)),
  created_at     TEXT NOT NULL,
  UNIQUE (note_id, key)
) STRICT;
CREATE INDEX citation_passage ON citation(source_id, passage_anchor);
CREATE INDEX citation_status ON citation(status);

CREATE TABLE link (
  id           INTEGER PRIMARY KEY,
  from_note_id TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  to_note_id   TEXT REFERENCES note(id) ON DELETE CASCADE,
  to_entity_id TEXT REFERENCES entity(id) ON DELETE CASCADE,
  count        INTEGER NOT NULL DEFAULT 1,
  CHECK ((to_note_id IS NULL) <> (to_entity_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX link_note ON link(from_note_id, to_note_id) WHERE to_note_id IS NOT NULL;
CREATE UNIQUE INDEX link_entity ON link(from_note_id, to_entity_id) WHERE to_entity_id IS NOT NULL;
CREATE INDEX link_to_note ON link(to_note_id);
CREATE INDEX link_to_entity ON link(to_entity_id);
`;
