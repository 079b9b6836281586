import { z } from 'zod';
import type { Db } from '../db';
import type { AnchorEvent, CitationPayload, CitationStatus } from '../../../../shared/notes';
import { lazy } from '../../../../shared/lazy';
import { decodeJson, type Encoded } from './decode';

/** A citation as stored: its payload (less the source title, which the source's record holds), status and history. */
export interface CitationRecord extends Omit<CitationPayload, 'sourceTitle'> {
  id: number;
  noteId: string;
  /** SHA-256 of the pinned version's text when the citation was made or last moved to it. */
  textSha256: string;
  status: CitationStatus;
  history: AnchorEvent[];
  createdAt: string;
}

export type NewCitation = Omit<CitationRecord, 'id' | 'createdAt'> & { now: string };

/** Where a citation points and how sure that is: everything re-anchoring may rewrite. */
export type CitationAnchor = Omit<CitationRecord, 'id' | 'noteId' | 'key' | 'sourceId' | 'createdAt'>;

/** A re-anchoring decision rewrites where a citation points, never whose it is. */
export type AnchorUpdate = { id: number } & CitationAnchor;

/** The one copy of a citation's anchor fields, for an update that keeps or rewrites them. */
export function anchorOf(c: CitationRecord): CitationAnchor {
  return {
    versionId: c.versionId,
    versionSha256: c.versionSha256,
    textSha256: c.textSha256,
    passageAnchor: c.passageAnchor,
    passageOrdinal: c.passageOrdinal,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    start: c.start,
    end: c.end,
    status: c.status,
    history: c.history,
  };
}

/** How many live notes cite a passage of a source's current text. */
export interface PassageCitationCount {
  passageAnchor: string;
  noteId: string;
  title: string;
  updatedAt: string;
  count: number;
}

/*
 * History entries are only ever appended, and readers ignore fields they do not know (a later
 * version may write more): each entry is a loose object, so an update writes back what it read.
 */
const AnchorHistorySchema = lazy(() => {
  const Status = z.enum(['current', 'moved', 'changed', 'lost', 'pinned']);
  const Span = { exact: z.string(), start: z.number(), end: z.number() };
  const Place = z.object({ ...Span, passageAnchor: z.string() });
  return z.array(
    z.looseObject({
      at: z.string(),
      action: z.enum(['check', 'accept', 'keep-pinned', 'recite', 'remove']).optional(),
      fromVersionId: z.string(),
      toVersionId: z.string(),
      method: z.enum(['alignment', 'quote', 'none', 'accepted', 'position', 'fuzzy']),
      status: Status,
      finding: z
        .enum(['unchanged', 'typography', 'shifted', 'relocated', 'edited', 'ambiguous', 'context', 'removed', 'lookalike'])
        .optional(),
      score: z.number(),
      previous: Place,
      next: Place.optional(),
      suggestion: z.object({ ...Span, score: z.number(), passageAnchor: z.string().optional() }).optional(),
      diff: z.array(z.object({ op: z.enum(['same', 'removed', 'added']), text: z.string() })).optional(),
      occurrences: z.number().optional(),
      reason: z.string(),
    }),
  ) satisfies z.ZodType<AnchorEvent[]>;
});

const CITATION = `c.id, c.note_id AS noteId, c.key, c.source_id AS sourceId, c.version_id AS versionId, c.version_sha256 AS versionSha256,
                  c.text_sha256 AS textSha256, c.passage_anchor AS passageAnchor, c.passage_ordinal AS passageOrdinal,
                  c.exact, c.prefix, c.suffix, c.start, c."end", c.status, c.history, c.created_at AS createdAt`;

const decodeCitation = (row: Encoded<CitationRecord, 'history'>): CitationRecord => ({
  ...row,
  history: decodeJson(AnchorHistorySchema(), row.history, `the history of citation ${row.id}`),
});
const decodeAll = (rows: unknown[]) => (rows as Encoded<CitationRecord, 'history'>[]).map(decodeCitation);

export function citationsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO citation (note_id, key, source_id, version_id, version_sha256, text_sha256, passage_anchor, passage_ordinal, exact, prefix, suffix, start, "end", status, history, created_at)
     VALUES (@noteId, @key, @sourceId, @versionId, @versionSha256, @textSha256, @passageAnchor, @passageOrdinal, @exact, @prefix, @suffix, @start, @end, @status, @history, @now)`,
  );
  const byNote = db.prepare(`SELECT ${CITATION} FROM citation c WHERE c.note_id = ? ORDER BY c.id`);
  const byNoteKey = db.prepare(`SELECT ${CITATION} FROM citation c WHERE c.note_id = ? AND c.key = ?`);
  const removeById = db.prepare(`DELETE FROM citation WHERE id = ?`);
  const bySourceStale = db.prepare(
    `SELECT ${CITATION} FROM citation c JOIN source s ON s.id = c.source_id
      WHERE c.source_id = ? AND (s.current_version_id IS NULL OR c.version_id <> s.current_version_id) ORDER BY c.id`,
  );
  const update = db.prepare(
    `UPDATE citation SET version_id = @versionId, version_sha256 = @versionSha256, text_sha256 = @textSha256, passage_anchor = @passageAnchor,
            passage_ordinal = @passageOrdinal, exact = @exact, prefix = @prefix, suffix = @suffix, start = @start, "end" = @end,
            status = @status, history = @history
      WHERE id = @id`,
  );
  // Only live notes and citations anchored in the source's current text count as backlinks.
  const byPassage = db.prepare(
    `SELECT c.passage_anchor AS passageAnchor, n.id AS noteId, n.title, n.updated_at AS updatedAt, count(*) AS count
       FROM citation c JOIN note n ON n.id = c.note_id JOIN source s ON s.id = c.source_id
      WHERE c.source_id = ? AND c.version_id = s.current_version_id AND c.status IN ('current', 'moved') AND n.deleted_at IS NULL
      GROUP BY c.passage_anchor, n.id ORDER BY c.passage_anchor, n.updated_at DESC`,
  );
  const needingReview = db.prepare(
    `SELECT ${CITATION} FROM citation c JOIN note n ON n.id = c.note_id
      WHERE c.status IN ('changed', 'lost') AND n.deleted_at IS NULL ORDER BY n.updated_at DESC, c.id`,
  );

  return {
    insert: (citation: NewCitation) => Number(insert.run({ ...citation, history: JSON.stringify(citation.history) }).lastInsertRowid),
    byNote: (noteId: string) => decodeAll(byNote.all(noteId)),
    byNoteKey(noteId: string, key: string): CitationRecord | undefined {
      const row = byNoteKey.get(noteId, key) as Encoded<CitationRecord, 'history'> | undefined;
      return row && decodeCitation(row);
    },
    remove: (id: number) => void removeById.run(id),
    /** Citations anchored in another version than the source's current one (including those awaiting review). */
    staleForSource: (sourceId: string) => decodeAll(bySourceStale.all(sourceId)),
    updateAnchor: (change: AnchorUpdate) => void update.run({ ...change, history: JSON.stringify(change.history) }),
    byPassage: (sourceId: string) => byPassage.all(sourceId) as PassageCitationCount[],
    needingReview: () => decodeAll(needingReview.all()),
  };
}
