/**
 * Entity candidates the NLP tagger found in an imported source, kept until the user accepts,
 * aliases or rejects them; a rejected name is remembered so it is not suggested again for that source.
 */
export const sql = /* sql */ `
CREATE TABLE entity_suggestion (
  id          INTEGER PRIMARY KEY,
  source_id   TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
  name        TEXT NOT NULL,
  folded      TEXT NOT NULL,
  occurrences INTEGER NOT NULL CHECK (occurrences > 0),
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'aliased', 'rejected')),
  entity_id   TEXT REFERENCES entity(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (source_id, type, folded)
) STRICT;
CREATE INDEX entity_suggestion_status ON entity_suggestion(status);
CREATE INDEX source_canonical_url ON source(canonical_url);
`;
