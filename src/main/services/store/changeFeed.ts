import type { Change } from '../../../shared/domain';
import type { Db } from './db';

export interface ChangeFeed {
  /** Reads the change log now; returns (and tells) what changed since the last look. */
  poll(): Change[];
  /** The log's position: what a consumer that has seen everything so far has seen. */
  readonly seq: number;
  close(): void;
}

const toChange = (kind: string, ref: string): Change | undefined =>
  kind === 'source'
    ? { kind, sourceId: ref }
    : kind === 'entity'
      ? { kind, entityId: ref }
      : kind === 'note'
        ? { kind, noteId: ref }
        : undefined;

/**
 * Follows the change log (migration 0004) for one connection. Commits on this connection are
 * picked up at once by the store's write helper calling `poll`; commits by other processes are
 * noticed by SQLite's `data_version`, which moves only when another connection commits, checked
 * on a timer that costs one pragma when nothing happened.
 */
export function createChangeFeed(db: Db, tell: (changes: Change[]) => void, options: { intervalMs?: number } = {}): ChangeFeed {
  const maxSeq = db.prepare<[], { seq: number | null }>(`SELECT max(seq) AS seq FROM change_log`);
  const since = db.prepare<[number], { seq: number; kind: string; ref: string }>(
    `SELECT seq, kind, ref FROM change_log WHERE seq > ? ORDER BY seq`,
  );
  let seq = maxSeq.get()?.seq ?? 0;
  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  let lastDataVersion = dataVersion();

  const poll = (): Change[] => {
    if (!db.open || db.inTransaction) return [];
    lastDataVersion = dataVersion();
    const rows = since.all(seq);
    if (rows.length === 0) return [];
    seq = rows[rows.length - 1]!.seq;
    const changes = rows.map((r) => toChange(r.kind, r.ref)).filter((c): c is Change => c !== undefined);
    if (changes.length > 0) tell(changes);
    return changes;
  };

  const timer = setInterval(() => {
    if (db.open && !db.inTransaction && dataVersion() !== lastDataVersion) poll();
  }, options.intervalMs ?? 500);
  timer.unref();

  return {
    poll,
    get seq() {
      return seq;
    },
    close: () => clearInterval(timer),
  };
}
