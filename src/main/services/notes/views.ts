import type { AnchorEvent, CitationView, NoteDetail, NoteSummary, RevisionSummary, SerializedNoteDocument } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import type { CitationRow } from '../store/repositories/citations';
import type { NoteListRow, NoteRow } from '../store/repositories/notes';
import type { RevisionRow } from '../store/repositories/noteRevisions';
import type { PassageRow } from '../store/repositories/passages';
import { passageToVersionOffsets } from './selection';
import { countWords } from './document';

const EXCERPT_CHARS = 160;

/** Per-call memo: a note with hundreds of citations reads each source and version once. */
export class ViewCache {
  readonly sources = new Map<string, { title: string | null; currentVersionId: string | null }>();
  readonly passages = new Map<string, Map<string, PassageRow>>();
  readonly versionTexts = new Map<string, string>();
  readonly offsetMaps = new Map<number, number[]>();
}

function passageRange(repos: Repositories, row: CitationRow, cache: ViewCache): { start: number; end: number } | null {
  let passages = cache.passages.get(row.version_id);
  if (!passages) {
    passages = new Map(repos.passages.byVersion(row.version_id).map((p) => [p.anchor, p]));
    cache.passages.set(row.version_id, passages);
  }
  const passage = passages.get(row.passage_anchor);
  if (!passage || row.start < passage.start || row.end > passage.end) return null;
  let text = cache.versionTexts.get(row.version_id);
  if (text === undefined) {
    text = repos.sources.version(row.version_id)?.text ?? '';
    cache.versionTexts.set(row.version_id, text);
  }
  let map = cache.offsetMaps.get(passage.id);
  if (!map) {
    map = passageToVersionOffsets(text, passage);
    cache.offsetMaps.set(passage.id, map);
  }
  const start = map.findIndex((offset) => offset >= row.start);
  let end = map.length;
  while (end > 0 && map[end - 1]! >= row.end) end--;
  return start >= 0 && end > start ? { start, end } : null;
}

export function citationView(repos: Repositories, row: CitationRow, cache = new ViewCache()): CitationView {
  let source = cache.sources.get(row.source_id);
  if (!source) {
    const s = repos.sources.get(row.source_id);
    source = {
      title: s ? ((JSON.parse(s.metadata) as { title?: string | null }).title ?? null) : null,
      currentVersionId: s?.current_version_id ?? null,
    };
    cache.sources.set(row.source_id, source);
  }
  const title = source.title;
  const current = source.currentVersionId === row.version_id;
  return {
    key: row.key,
    noteId: row.note_id,
    sourceId: row.source_id,
    sourceTitle: title,
    versionId: row.version_id,
    versionSha256: row.version_sha256,
    textSha256: row.text_sha256,
    passageAnchor: row.passage_anchor,
    passageOrdinal: row.passage_ordinal,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    status: row.status,
    history: JSON.parse(row.history) as AnchorEvent[],
    currentVersionId: source.currentVersionId,
    passageRange: current ? passageRange(repos, row, cache) : null,
  };
}

export function citationViews(repos: Repositories, noteId: string): CitationView[] {
  const cache = new ViewCache();
  return repos.citations.byNote(noteId).map((row) => citationView(repos, row, cache));
}

export function noteSummary(row: NoteListRow): NoteSummary {
  return {
    id: row.id,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    saveCount: row.save_count,
    citationCount: row.citation_count,
    reviewCount: row.review_count,
    excerpt: row.plain_text.slice(0, EXCERPT_CHARS).replace(/\s+/g, ' ').trim(),
  };
}

export function noteDetail(repos: Repositories, row: NoteRow): NoteDetail {
  const summary = repos.notes.summary(row.id)!;
  return {
    ...noteSummary(summary),
    document: JSON.parse(row.document) as SerializedNoteDocument,
    plainText: row.plain_text,
    citations: citationViews(repos, row.id),
    backlinks: repos.links.notesLinkingTo(row.id).map((n) => ({ id: n.id, title: n.title, updatedAt: n.updated_at })),
  };
}

export function revisionSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    noteId: row.note_id,
    title: row.title,
    reason: row.reason,
    createdAt: row.created_at,
    wordCount: countWords(row.plain_text),
  };
}
