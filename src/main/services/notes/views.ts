import type { CitationView, NoteDetail, NoteSummary, RevisionSummary } from '../../../shared/notes';
import { ApiError } from '../../../shared/errors';
import type { Repositories } from '../store/repositories';
import { anchorOf, type CitationRecord } from '../store/repositories/citations';
import type { NoteListRecord } from '../store/repositories/notes';
import type { RevisionRecord } from '../store/repositories/noteRevisions';
import type { PassageRecord } from '../store/repositories/passages';
import { passageToVersionOffsets } from './selection';
import { countWords } from './document';

const EXCERPT_CHARS = 160;

/** Per-call memo: a note with hundreds of citations reads each source and version once. */
export class ViewCache {
  readonly sources = new Map<string, { title: string | null; currentVersionId: string | null; deleted: boolean }>();
  readonly passages = new Map<string, Map<string, PassageRecord>>();
  readonly versionTexts = new Map<string, string>();
  readonly offsetMaps = new Map<number, number[]>();
}

function passageRange(repos: Repositories, row: CitationRecord, cache: ViewCache): { start: number; end: number } | null {
  let passages = cache.passages.get(row.versionId);
  if (!passages) {
    passages = new Map(repos.passages.byVersion(row.versionId).map((p) => [p.anchor, p]));
    cache.passages.set(row.versionId, passages);
  }
  const passage = passages.get(row.passageAnchor);
  if (!passage || row.start < passage.start || row.end > passage.end) return null;
  let text = cache.versionTexts.get(row.versionId);
  if (text === undefined) {
    text = repos.sources.version(row.versionId)?.text ?? '';
    cache.versionTexts.set(row.versionId, text);
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

export function citationView(repos: Repositories, row: CitationRecord, cache = new ViewCache()): CitationView {
  let source = cache.sources.get(row.sourceId);
  if (!source) {
    const s = repos.sources.get(row.sourceId);
    source = { title: s?.metadata.title ?? null, currentVersionId: s?.currentVersionId ?? null, deleted: !!s?.deletedAt };
    cache.sources.set(row.sourceId, source);
  }
  const current = source.currentVersionId === row.versionId;
  return {
    key: row.key,
    noteId: row.noteId,
    sourceId: row.sourceId,
    sourceTitle: source.title,
    ...anchorOf(row),
    currentVersionId: source.currentVersionId,
    passageRange: current && !source.deleted ? passageRange(repos, row, cache) : null,
    ...(source.deleted ? { sourceDeleted: true } : {}),
  };
}

export function citationViews(repos: Repositories, noteId: string): CitationView[] {
  const cache = new ViewCache();
  return repos.citations.byNote(noteId).map((row) => citationView(repos, row, cache));
}

export function noteSummary(note: NoteListRecord): NoteSummary {
  return {
    id: note.id,
    title: note.title,
    tags: note.tags,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    deletedAt: note.deletedAt,
    saveCount: note.saveCount,
    citationCount: note.citationCount,
    reviewCount: note.reviewCount,
    excerpt: note.plainText.slice(0, EXCERPT_CHARS).replace(/\s+/g, ' ').trim(),
  };
}

export function noteDetail(repos: Repositories, id: string): NoteDetail {
  const summary = repos.notes.summary(id);
  const document = repos.notes.document(id);
  if (!summary || !document) throw new ApiError('not_found', `No note with id "${id}".`);
  return {
    ...noteSummary(summary),
    document,
    plainText: summary.plainText,
    citations: citationViews(repos, id),
    backlinks: repos.links.notesLinkingTo(id),
  };
}

export function revisionSummary(revision: RevisionRecord): RevisionSummary {
  return {
    id: revision.id,
    noteId: revision.noteId,
    title: revision.title,
    reason: revision.reason,
    createdAt: revision.createdAt,
    wordCount: countWords(revision.plainText),
  };
}
