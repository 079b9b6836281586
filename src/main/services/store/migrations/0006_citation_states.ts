import type { Db } from '../db';
import { nodeCrypto } from '../../nodeCrypto';

/**
 * Citation states as issue 10 defines them (docs/citations.md), and the hash that lets an export
 * prove its quotes' texts unchanged since they were cited.
 *
 * - status: ok / moved / review / orphaned become current / moved / changed / lost, plus pinned
 *   (a person chose to keep citing an older version). An old "review" with a suggestion had a
 *   candidate: changed; one without had none: lost. Every history entry is renamed the same way.
 * - text_sha256: SHA-256 of the pinned version's stored text, recorded when the citation was made
 *   or last moved to a version. The export check re-hashes the text and compares. Rows older than
 *   this migration get the hash of the text as it is now: the best witness there is.
 *
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt (with its indexes and
 * change-log triggers); the rows' new values are computed in JavaScript first (`prepare`).
 */

const STATUS: Record<string, string> = { ok: 'current', moved: 'moved', orphaned: 'lost' };

function renamed(status: unknown, hasSuggestion: boolean): unknown {
  if (status === 'review') return hasSuggestion ? 'changed' : 'lost';
  return typeof status === 'string' ? (STATUS[status] ?? status) : status;
}

export function prepare(db: Db): void {
  db.exec(
    `CREATE TEMP TABLE m0006_citation (id INTEGER PRIMARY KEY, status TEXT NOT NULL, history TEXT NOT NULL, text_sha256 TEXT NOT NULL)`,
  );
  const insert = db.prepare(`INSERT INTO temp.m0006_citation (id, status, history, text_sha256) VALUES (?, ?, ?, ?)`);
  const text = db.prepare(`SELECT text FROM source_version WHERE id = ?`).pluck();
  const hashes = new Map<string, string>();
  const rows = db.prepare(`SELECT id, version_id, status, history FROM citation`).all() as {
    id: number;
    version_id: string;
    status: string;
    history: string;
  }[];
  for (const row of rows) {
    let hash = hashes.get(row.version_id);
    if (!hash) {
      hash = nodeCrypto()
        .createHash('sha256')
        .update((text.get(row.version_id) as string | undefined) ?? '')
        .digest('hex');
      hashes.set(row.version_id, hash);
    }
    const history = JSON.parse(row.history) as { status?: unknown; suggestion?: unknown }[];
    const events = Array.isArray(history) ? history.map((e) => ({ ...e, status: renamed(e.status, !!e.suggestion) })) : [];
    const status = renamed(row.status, !!history.at(-1)?.suggestion) as string;
    insert.run(row.id, status, JSON.stringify(events), hash);
  }
}

const bump = (row: 'NEW' | 'OLD') =>
  `INSERT INTO change_log (kind, ref) VALUES ('note', ${row}.note_id)
     ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);`;

export const sql = /* sql */ `
CREATE TABLE citation_0006 (
  id              INTEGER PRIMARY KEY,
  note_id         TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  key             TEXT NOT NULL,
  source_id       TEXT NOT NULL REFERENCES source(id),
  version_id      TEXT NOT NULL REFERENCES source_version(id),
  version_sha256  TEXT NOT NULL,
  text_sha256     TEXT NOT NULL CHECK (length(text_sha256) = 64),
  passage_anchor  TEXT NOT NULL,
  passage_ordinal INTEGER NOT NULL,
  exact           TEXT NOT NULL CHECK (length(exact) > 0),
  prefix          TEXT NOT NULL,
  suffix          TEXT NOT NULL,
  start           INTEGER NOT NULL,
  "end"           INTEGER NOT NULL CHECK ("end" > start),
  status          TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'moved', 'changed', 'lost', 'pinned')),
  history         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history)),
  created_at      TEXT NOT NULL,
  UNIQUE (note_id, key)
) STRICT;

INSERT INTO citation_0006 (id, note_id, key, source_id, version_id, version_sha256, text_sha256, passage_anchor, passage_ordinal,
                           exact, prefix, suffix, start, "end", status, history, created_at)
  SELECT c.id, c.note_id, c.key, c.source_id, c.version_id, c.version_sha256, m.text_sha256, c.passage_anchor, c.passage_ordinal,
         c.exact, c.prefix, c.suffix, c.start, c."end", m.status, m.history, c.created_at
    FROM citation c JOIN temp.m0006_citation m ON m.id = c.id;

DROP TABLE temp.m0006_citation;
DROP TABLE citation;
ALTER TABLE citation_0006 RENAME TO citation;
CREATE INDEX citation_passage ON citation(source_id, passage_anchor);
CREATE INDEX citation_status ON citation(status);

CREATE TRIGGER change_log_citation_insert AFTER INSERT ON citation BEGIN
  ${bump('NEW')}
END;
CREATE TRIGGER change_log_citation_update AFTER UPDATE ON citation BEGIN
  ${bump('OLD')}
  ${bump('NEW')}
END;
CREATE TRIGGER change_log_citation_delete AFTER DELETE ON citation BEGIN
  ${bump('OLD')}
END;
`;
