/**
 * A deleted source can be deleted for good ("purged"): its versions, passages, mentions, tags,
 * suggestions and entity decisions leave the notebook. What stays is this line, so that a note
 * revision quoting it, restored later, is refused with the source's name and the day it went,
 * not with an unknown id.
 */
export const sql = /* sql */ `
CREATE TABLE purged_source (
  source_id TEXT PRIMARY KEY,
  title     TEXT,
  purged_at TEXT NOT NULL
) STRICT;
`;
