import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntityType, PassageKind, SourceMetadata } from '../../../shared/domain';
import type { NoteSearchDoc } from '../../../shared/search';
import { authorsLabel } from '../../../shared/names';
import { emptySourceMetadata, publishedIn, StoredSourceMetadataSchema } from '../../../shared/sourceMetadata';
import type { EngineDoc } from './engine';

/**
 * Reads what search indexes from the notebook's SQLite, which stays the only source of truth.
 * Only each source's current version is searched: older versions are history.
 */
type Reader = Database.Database;

interface PassageRow {
  id: number;
  anchor: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  source_id: string;
  metadata: string;
}

interface MentionRow {
  passage_id: number;
  entity_id: string;
  start: number;
  end: number;
}

const PASSAGES = `SELECT p.id, p.anchor, p.ordinal, p.kind, p.text, s.id AS source_id, s.metadata
  FROM passage p JOIN source s ON s.current_version_id = p.version_id`;
const MENTIONS = `SELECT m.passage_id, m.entity_id, m.start, m."end" FROM mention m
  JOIN passage p ON p.id = m.passage_id JOIN source s ON s.current_version_id = p.version_id`;

function hasTable(db: Reader, name: string): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
}

/** The store's own reading of the details (authors stored as strings read as names); damaged JSON indexes as unknown. */
function parseMetadata(json: string): SourceMetadata {
  try {
    const parsed = StoredSourceMetadataSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  return emptySourceMetadata();
}

function passageDocs(rows: PassageRow[], mentions: MentionRow[]): EngineDoc[] {
  const byPassage = new Map<number, EngineDoc['mentions']>();
  for (const m of mentions) {
    const list = byPassage.get(m.passage_id) ?? [];
    list.push({ entityId: m.entity_id, start: m.start, end: m.end });
    byPassage.set(m.passage_id, list);
  }
  const issuedBySource = new Map<string, string | null>();
  return rows.map((r) => {
    let issued = issuedBySource.get(r.source_id);
    if (issued === undefined) issuedBySource.set(r.source_id, (issued = parseMetadata(r.metadata).issued));
    return {
      key: `p:${r.id}`,
      kind: 'passage',
      ref: String(r.id),
      title: '',
      text: r.text,
      sourceId: r.source_id,
      anchor: r.anchor,
      ordinal: r.ordinal,
      passageKind: r.kind,
      issued,
      mentions: byPassage.get(r.id) ?? [],
    };
  });
}

export function sourceDoc(id: string, metadataJson: string): EngineDoc {
  const m = parseMetadata(metadataJson);
  const details = [authorsLabel(m.authors), publishedIn(m), m.issued].filter((s): s is string => !!s && s.trim() !== '');
  return { key: `s:${id}`, kind: 'source', ref: id, title: m.title ?? id, text: details.join(' · '), sourceId: id, issued: m.issued };
}

export function noteDoc(note: NoteSearchDoc): EngineDoc {
  const tags = note.tags.length > 0 ? `\n${note.tags.map((t) => `#${t}`).join(' ')}` : '';
  return { key: `n:${note.id}`, kind: 'note', ref: note.id, title: note.title || 'Untitled note', text: note.text + tags, tags: note.tags };
}

export function loadAll(db: Reader): EngineDoc[] {
  const docs: EngineDoc[] = [];
  for (const s of db.prepare(`SELECT id, metadata FROM source WHERE current_version_id IS NOT NULL ORDER BY id`).all() as {
    id: string;
    metadata: string;
  }[]) {
    docs.push(sourceDoc(s.id, s.metadata));
  }
  docs.push(...loadEntities(db));
  docs.push(
    ...passageDocs(db.prepare(`${PASSAGES} ORDER BY s.id, p.ordinal`).all() as PassageRow[], db.prepare(MENTIONS).all() as MentionRow[]),
  );
  docs.push(...loadNotes(db));
  return docs;
}

export function loadEntities(db: Reader, id?: string): EngineDoc[] {
  const rows = (
    id === undefined
      ? db.prepare(`SELECT id, type, name, description FROM entity ORDER BY id`).all()
      : db.prepare(`SELECT id, type, name, description FROM entity WHERE id = ?`).all(id)
  ) as { id: string; type: EntityType; name: string; description: string }[];
  const aliasStatement = db.prepare(`SELECT DISTINCT alias FROM entity_alias WHERE entity_id = ? ORDER BY alias`);
  return rows.map((e) => {
    const aliases = (aliasStatement.all(e.id) as { alias: string }[]).map((a) => a.alias).filter((a) => a !== e.name);
    const text = [aliases.join(' · '), e.description].filter(Boolean).join('\n');
    return { key: `e:${e.id}`, kind: 'entity', ref: e.id, title: e.name, text, entityType: e.type, aliases };
  });
}

export function loadSource(db: Reader, sourceId: string): EngineDoc[] {
  const source = db.prepare(`SELECT id, metadata FROM source WHERE id = ? AND current_version_id IS NOT NULL`).get(sourceId) as
    { id: string; metadata: string } | undefined;
  if (!source) return [];
  const rows = db.prepare(`${PASSAGES} WHERE s.id = ? ORDER BY p.ordinal`).all(sourceId) as PassageRow[];
  const mentions = db.prepare(`${MENTIONS} WHERE s.id = ?`).all(sourceId) as MentionRow[];
  return [sourceDoc(source.id, source.metadata), ...passageDocs(rows, mentions)];
}

/** Passages whose mentions of an entity may have changed, reloaded with all their mentions. */
export function loadPassages(db: Reader, passageIds: number[]): EngineDoc[] {
  if (passageIds.length === 0) return [];
  const list = passageIds.join(',');
  const rows = db.prepare(`${PASSAGES} WHERE p.id IN (${list})`).all() as PassageRow[];
  const mentions = db.prepare(`${MENTIONS} WHERE p.id IN (${list})`).all() as MentionRow[];
  return passageDocs(rows, mentions);
}

export function passagesMentioning(db: Reader, entityId: string): number[] {
  return (db.prepare(`SELECT DISTINCT passage_id FROM mention WHERE entity_id = ?`).all(entityId) as { passage_id: number }[]).map(
    (r) => r.passage_id,
  );
}

/** Notes come from the notes feature's `note` table when it exists (migration 0002). */
export function loadNotes(db: Reader, id?: string): EngineDoc[] {
  if (!hasTable(db, 'note')) return [];
  const rows = (
    id === undefined
      ? db.prepare(`SELECT id, title, plain_text, tags FROM note WHERE deleted_at IS NULL`).all()
      : db.prepare(`SELECT id, title, plain_text, tags FROM note WHERE id = ? AND deleted_at IS NULL`).all(id)
  ) as { id: string; title: string; plain_text: string; tags: string }[];
  return rows.map((r) => noteDoc({ id: r.id, title: r.title, text: r.plain_text, tags: parseTags(r.tags) }));
}

function parseTags(json: string): string[] {
  try {
    const tags = JSON.parse(json) as unknown;
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A cheap digest of everything the index is built from. Passages never change in place (a new
 * text is a new version), so version ids and row counts stand in for the passage texts.
 */
export function contentHash(db: Reader, extra = ''): string {
  const hash = createHash('sha256');
  const add = (sql: string) => {
    for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) hash.update(row.map(String).join('\u0001') + '\u0002');
    hash.update('\u0003');
  };
  add(`SELECT id, ifnull(current_version_id, ''), metadata FROM source ORDER BY id`);
  add(`SELECT count(*), ifnull(max(id), 0), ifnull(sum(id), 0) FROM passage`);
  add(`SELECT count(*), ifnull(max(id), 0), ifnull(sum(id + start * 3 + "end" * 7), 0) FROM mention`);
  add(`SELECT id, type, name, description FROM entity ORDER BY id`);
  add(`SELECT entity_id, alias, scope FROM entity_alias ORDER BY entity_id, alias, scope`);
  if (hasTable(db, 'note')) add(`SELECT id, updated_at, ifnull(deleted_at, '') FROM note ORDER BY id`);
  hash.update(extra);
  return hash.digest('hex');
}
