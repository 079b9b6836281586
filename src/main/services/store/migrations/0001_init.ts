/**
 * The first schema. Sources keep every version's original bytes so provenance survives edits;
 * passages carry offsets into their version's text; mentions point at passages.
 * Entity aliases are unique per (type, folded alias, scope): the scope is '' for aliases that
 * link everywhere, or one source id for a bare name only its own document makes certain.
 */
export const sql = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE source (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('seed', 'import')),
  canonical_url      TEXT,
  metadata           TEXT NOT NULL CHECK (json_valid(metadata)),
  current_version_id TEXT,
  created_at         TEXT NOT NULL
) STRICT;

CREATE TABLE source_version (
  id         TEXT PRIMARY KEY,
  source_id  TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  sha256     TEXT NOT NULL,
  original   BLOB NOT NULL,
  text       TEXT NOT NULL,
  metadata   TEXT NOT NULL CHECK (json_valid(metadata)),
  file_name  TEXT,
  media_type TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX source_version_sha256 ON source_version(sha256);
CREATE INDEX source_version_source ON source_version(source_id);

CREATE TABLE passage (
  id         INTEGER PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES source_version(id) ON DELETE CASCADE,
  anchor     TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('title', 'heading', 'paragraph', 'bullet', 'quote', 'caption', 'byline')),
  text       TEXT NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL CHECK ("end" >= start),
  page       INTEGER,
  UNIQUE (version_id, ordinal),
  UNIQUE (version_id, anchor)
) STRICT;

CREATE TABLE entity (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place', 'law', 'event')),
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  date        TEXT,
  origin      TEXT NOT NULL DEFAULT 'curated' CHECK (origin IN ('curated', 'user', 'suggested'))
) STRICT;

CREATE TABLE entity_alias (
  entity_id  TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  alias      TEXT NOT NULL,
  folded     TEXT NOT NULL,
  exact_case INTEGER NOT NULL DEFAULT 0 CHECK (exact_case IN (0, 1)),
  scope      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (entity_id, folded, scope),
  UNIQUE (type, folded, scope)
) STRICT;

CREATE TABLE mention (
  id         INTEGER PRIMARY KEY,
  entity_id  TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  passage_id INTEGER NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL CHECK ("end" > start),
  surface    TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('curated', 'linked', 'suggested', 'user'))
) STRICT;
CREATE INDEX mention_entity ON mention(entity_id);
CREATE INDEX mention_passage ON mention(passage_id);
`;
