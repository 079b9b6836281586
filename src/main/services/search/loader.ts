import type Database from 'better-sqlite3';
import type { EntityType, PassageKind, SourceMetadata } from '../../../shared/domain';
import type { SearchEngine } from './engine';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS } from './stemming';
import type { PassageReader, PassageView } from './types';
import { authorsLabel } from '../../../shared/names';
import { emptySourceMetadata, publishedIn, StoredSourceMetadataSchema } from '../../../shared/sourceMetadata';

/**
 * Reads what search indexes from the notebook's SQLite, which stays the only source of truth.
 * Only each source's current version is searched: older versions are history. Its own SQL: the
 * index reads a few columns in bulk, not the repositories' domain objects.
 */
type Reader = Database.Database;

interface PassageRow {
  id: number;
  kind: PassageKind;
  text: string;
  mentions: string | null;
}

const PASSAGES_OF_SOURCE = `SELECT p.id, p.kind, p.text,
    (SELECT group_concat(m.entity_id, char(31)) FROM mention m WHERE m.passage_id = p.id) AS mentions
  FROM passage p JOIN source s ON s.current_version_id = p.version_id WHERE s.id = ? ORDER BY p.ordinal`;

/** The store's own reading of the details (authors stored as strings read as names); a damaged record indexes its text without details. */
function parseMetadata(json: string): SourceMetadata {
  const parsed = StoredSourceMetadataSchema().safeParse(safeJson(json));
  return parsed.success ? parsed.data : emptySourceMetadata();
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function hasTable(db: Reader, name: string): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
}

/** The highest change log position (migration 0004), 0 when the log is empty or absent. */
export function changeLogSeq(db: Reader): number {
  if (!hasTable(db, 'change_log')) return 0;
  return (db.prepare(`SELECT ifnull(max(seq), 0) AS seq FROM change_log`).get() as { seq: number }).seq;
}

export function changesSince(db: Reader, seq: number): { kind: string; ref: string; seq: number }[] {
  return db.prepare(`SELECT kind, ref, seq FROM change_log WHERE seq > ? ORDER BY seq`).all(seq) as {
    kind: string;
    ref: string;
    seq: number;
  }[];
}

export function sourceIds(db: Reader): string[] {
  return (
    db.prepare(`SELECT id FROM source WHERE current_version_id IS NOT NULL AND deleted_at IS NULL ORDER BY id`).all() as { id: string }[]
  ).map((r) => r.id);
}

// Prepared once per connection: a build loads thousands of sources.
const statements = new WeakMap<Reader, { source: Database.Statement; passages: Database.Statement }>();
function sourceStatements(db: Reader) {
  let s = statements.get(db);
  if (!s) {
    s = {
      source: db.prepare(`SELECT id, metadata FROM source WHERE id = ? AND current_version_id IS NOT NULL AND deleted_at IS NULL`),
      passages: db.prepare(PASSAGES_OF_SOURCE),
    };
    statements.set(db, s);
  }
  return s;
}

/** Puts a source and its passages into the engine, replacing what it had; returns how many passages (0 when gone). */
export function loadSource(db: Reader, engine: SearchEngine, sourceId: string): number {
  engine.removeSource(sourceId);
  const statement = sourceStatements(db);
  const source = statement.source.get(sourceId) as { id: string; metadata: string } | undefined;
  if (!source) return 0;
  const rows = statement.passages.all(sourceId) as PassageRow[];
  let sample = '';
  for (const row of rows) {
    if (sample.length >= LANGUAGE_SAMPLE_CHARS) break;
    sample += `${row.text}\n`;
  }
  const m = parseMetadata(source.metadata);
  const details = [authorsLabel(m.authors), publishedIn(m), m.issued].filter((s): s is string => !!s && s.trim() !== '');
  engine.setSource({ id: source.id, title: m.title ?? source.id, issued: m.issued, language: detectLanguage(sample) }, details.join(' · '));
  for (const row of rows) {
    engine.addPassage({ id: row.id, sourceId, kind: row.kind, text: row.text, mentions: row.mentions ? row.mentions.split('\u001f') : [] });
  }
  return rows.length;
}

export function loadEntity(db: Reader, engine: SearchEngine, entityId?: string): void {
  const rows = (
    entityId === undefined
      ? db.prepare(`SELECT id, type, name, description FROM entity ORDER BY id`).all()
      : db.prepare(`SELECT id, type, name, description FROM entity WHERE id = ?`).all(entityId)
  ) as { id: string; type: EntityType; name: string; description: string }[];
  if (entityId !== undefined && rows.length === 0) engine.removeEntity(entityId);
  const aliasStatement = db.prepare(`SELECT DISTINCT alias FROM entity_alias WHERE entity_id = ? ORDER BY alias`);
  for (const e of rows) {
    const aliases = (aliasStatement.all(e.id) as { alias: string }[]).map((a) => a.alias).filter((a) => a !== e.name);
    engine.setEntity({ id: e.id, type: e.type, name: e.name, aliases }, e.description);
  }
}

/** Notes come from the notes feature's `note` table (migration 0002); a note in the trash is not searched. */
export function loadNote(db: Reader, engine: SearchEngine, noteId?: string): void {
  if (!hasTable(db, 'note')) return;
  const rows = (
    noteId === undefined
      ? db.prepare(`SELECT id, title, plain_text, tags FROM note WHERE deleted_at IS NULL`).all()
      : db.prepare(`SELECT id, title, plain_text, tags FROM note WHERE id = ? AND deleted_at IS NULL`).all(noteId)
  ) as { id: string; title: string; plain_text: string; tags: string }[];
  if (noteId !== undefined) engine.removeSmall(`n:${noteId}`);
  for (const r of rows) {
    const tags = parseTags(r.tags);
    const text = r.plain_text + (tags.length > 0 ? `\n${tags.map((t) => `#${t}`).join(' ')}` : '');
    engine.upsertSmall({ key: `n:${r.id}`, kind: 'note', ref: r.id, title: r.title || 'Untitled note', text, tags });
  }
}

function parseTags(json: string): string[] {
  try {
    const tags = JSON.parse(json) as unknown;
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads the shown passages' texts, anchors and (when asked) mentions in two statements. */
export function passageReader(db: Reader): PassageReader {
  const passages = db
    .prepare<[string], [number, string, string, number]>(
      `SELECT p.id, p.text, p.anchor, p.ordinal FROM json_each(?) j JOIN passage p ON p.id = j.value`,
    )
    .raw();
  const mentions = db
    .prepare<[string], [number, string, number, number]>(
      `SELECT m.passage_id, m.entity_id, m.start, m."end" FROM json_each(?) j JOIN mention m ON m.passage_id = j.value`,
    )
    .raw();
  return (ids, withMentions = true) => {
    const json = JSON.stringify(ids);
    const out = new Map<number, PassageView>();
    for (const [id, text, anchor, ordinal] of passages.all(json)) out.set(id, { text, anchor, ordinal, mentions: [] });
    if (withMentions) for (const [id, entityId, start, end] of mentions.all(json)) out.get(id)?.mentions.push({ entityId, start, end });
    return out;
  };
}
