/**
 * Lists people can work with (issue 12): tags on sources, and deleting a source without leaving a
 * citation dangling.
 *
 * - source_tag: a person's labels on a source, unique per source whatever their case. Triggers tell
 *   the change log, so an open library (or one in another window, or after the CLI tags) refreshes.
 * - source.deleted_at: a deleted source leaves the library, search and the entity graph, but its
 *   row and its versions' texts stay, so a citation that kept its pinned version still shows and
 *   exports (and proves) its quote. Its passages and mentions are moved into source_trash, which
 *   is what Undo puts back.
 */
const bump = (row: 'NEW' | 'OLD') =>
  `INSERT INTO change_log (kind, ref) VALUES ('source', ${row}.source_id)
     ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);`;

export const sql = /* sql */ `
CREATE TABLE source_tag (
  source_id  TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  tag        TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 40),
  created_at TEXT NOT NULL,
  PRIMARY KEY (source_id, tag)
) STRICT;
CREATE INDEX source_tag_tag ON source_tag(tag);

CREATE TRIGGER change_log_source_tag_insert AFTER INSERT ON source_tag BEGIN
  ${bump('NEW')}
END;
CREATE TRIGGER change_log_source_tag_update AFTER UPDATE ON source_tag BEGIN
  ${bump('OLD')}
  ${bump('NEW')}
END;
CREATE TRIGGER change_log_source_tag_delete AFTER DELETE ON source_tag BEGIN
  ${bump('OLD')}
END;

ALTER TABLE source ADD COLUMN deleted_at TEXT;

-- What a deletion took away, as JSON rows, and which citations it pinned (with their status before).
CREATE TABLE source_trash (
  source_id     TEXT PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
  deleted_at    TEXT NOT NULL,
  passages      TEXT NOT NULL CHECK (json_valid(passages)),
  mentions      TEXT NOT NULL CHECK (json_valid(mentions)),
  possible      TEXT NOT NULL CHECK (json_valid(possible)),
  pinned        TEXT NOT NULL CHECK (json_valid(pinned))
) STRICT;
`;
