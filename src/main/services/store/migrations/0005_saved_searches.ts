/**
 * Saved searches: a query (with its filters as JSON) to run again on every import, so a new
 * source that matches is noticed ("3 new passages match 'Capvision'"). The last result is kept
 * for the list in the app.
 */
export const sql = /* sql */ `
CREATE TABLE saved_search (
  id                TEXT PRIMARY KEY,
  query             TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 500),
  filters           TEXT NOT NULL DEFAULT '{}',
  created_at        TEXT NOT NULL,
  last_matched_at   TEXT,
  last_new_passages INTEGER NOT NULL DEFAULT 0,
  UNIQUE (query, filters)
) STRICT;
`;
