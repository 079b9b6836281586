import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { EntityId, SourceId } from './ids';
import type {
  CitationPayload,
  CiteResult,
  NoteDetail,
  NoteRef,
  NoteSummary,
  PassageCitations,
  ReanchorSummary,
  ReviewItem,
  RevisionDetail,
  RevisionSummary,
  SaveResult,
  SerializedNoteDocument,
} from '../notes';
import { REVIEW_DECISIONS } from '../notes';

export const NoteId = lazy(() => z.string().regex(/^n-[a-z0-9-]{4,64}$/, 'must be a note id such as "n-3f9a…"'));
const Title = lazy(() => z.string().trim().min(1, 'must not be empty').max(300, 'is longer than 300 characters'));
const Tag = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^,#\s][^,]*$/, 'must be a word or phrase without commas'),
);

/** Lexical JSON: the store needs a root with children; the rest is checked node by node on save. */
export const NoteDocument = lazy(
  () =>
    z
      .object({
        root: z.object({ type: z.literal('root'), children: z.array(z.looseObject({ type: z.string() })) }).loose(),
      })
      .loose() as unknown as z.ZodType<SerializedNoteDocument>,
);

export const CitationPayloadSchema = lazy(
  () =>
    z.object({
      key: z.string().min(1).max(64),
      sourceId: SourceId(),
      sourceTitle: z.string().max(1000).nullable(),
      versionId: z.string().min(1).max(80),
      versionSha256: z.string().regex(/^[0-9a-f]{64}$/),
      passageAnchor: z.string().min(1).max(80),
      passageOrdinal: z.number().int().min(0),
      exact: z.string().min(1).max(20_000),
      prefix: z.string().max(64),
      suffix: z.string().max(64),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
    }) satisfies z.ZodType<CitationPayload>,
);

const BacklinkTarget = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('passage'), sourceId: SourceId(), anchor: z.string().min(1).max(80) }).strict(),
    z.object({ kind: z.literal('entity'), entityId: EntityId() }).strict(),
    z.object({ kind: z.literal('note'), noteId: NoteId() }).strict(),
  ]),
);

export const notes = {
  list: call(() => z.object({ trash: z.boolean().optional(), tag: Tag().optional() }).strict()).returns<NoteSummary[]>(),
  get: call(() => z.object({ id: NoteId() }).strict()).returns<NoteDetail>(),
  create: call(() =>
    z.object({ title: Title(), document: NoteDocument().optional(), tags: z.array(Tag()).max(50).optional() }).strict(),
  ).returns<NoteDetail>(),
  /** Creates a note from Markdown, as `note create --from-markdown` does. */
  createFromMarkdown: call(() => z.object({ title: Title(), markdown: z.string().max(2_000_000) }).strict()).returns<NoteDetail>(),
  /**
   * Commits the document and everything derived from it in one transaction; it returns only after
   * the commit, so "Saved" in the UI means on disk. `baseSaveCount` refuses a save made on top of a
   * version another window has since replaced. `snapshot` asks for a revision ('close' always
   * makes one; 'auto' keeps at most one a minute, updated at each pause within it).
   */
  save: call(() =>
    z
      .object({
        id: NoteId(),
        document: NoteDocument(),
        title: Title().optional(),
        baseSaveCount: z.number().int().min(0).optional(),
        snapshot: z.enum(['auto', 'close', 'none']).optional(),
      })
      .strict(),
  ).returns<SaveResult>(),
  rename: call(() => z.object({ id: NoteId(), title: Title() }).strict()).returns<NoteSummary>(),
  tag: call(() => z.object({ id: NoteId(), tags: z.array(Tag()).max(50) }).strict()).returns<NoteSummary>(),
  delete: call(() => z.object({ id: NoteId() }).strict()).returns<NoteSummary>(),
  restore: call(() => z.object({ id: NoteId() }).strict()).returns<NoteSummary>(),
  emptyTrash: call(() => z.object({}).strict()).returns<{ deleted: number }>(),
  revisions: call(() => z.object({ id: NoteId() }).strict()).returns<RevisionSummary[]>(),
  revision: call(() => z.object({ revisionId: z.number().int().min(1) }).strict()).returns<RevisionDetail>(),
  restoreRevision: call(() => z.object({ id: NoteId(), revisionId: z.number().int().min(1) }).strict()).returns<NoteDetail>(),
  backlinks: call(() => z.object({ target: BacklinkTarget() }).strict()).returns<NoteRef[]>(),
  /** Per passage of a source's current text: how many live notes cite it, and which. */
  passageCitations: call(() => z.object({ sourceId: SourceId() }).strict()).returns<PassageCitations[]>(),
  reviewList: call(() => z.object({}).strict()).returns<ReviewItem[]>(),
  /** Applies the suggestion a re-anchoring offered for a citation that needs review. */
  acceptSuggestion: call(() => z.object({ id: NoteId(), key: z.string().min(1).max(64) }).strict()).returns<SaveResult>(),
  /** A person's decision on a citation in review: accept the new words, keep citing the pinned version, or remove it. */
  decide: call(() =>
    z.object({ id: NoteId(), key: z.string().min(1).max(64), decision: z.enum(REVIEW_DECISIONS) }).strict(),
  ).returns<SaveResult>(),
  /** Makes the citation a reader selection becomes; it is stored when the note holding it is saved. */
  makeCitation: call(() =>
    z
      .object({
        sourceId: SourceId(),
        passageAnchor: z.string().min(1).max(80),
        start: z.number().int().min(0),
        end: z.number().int().min(1),
      })
      .strict(),
  ).returns<CitationPayload>(),
  /**
   * Cites the exact words (compared blind to typography: quotes, dashes, spaces) in a source's
   * current text, adding the citation to a note or to a new one. Several occurrences need
   * `occurrence` (1-based); words not in the text are refused.
   */
  cite: call(() =>
    z
      .object({
        sourceId: SourceId(),
        quote: z.string().trim().min(1, 'must not be empty').max(20_000),
        occurrence: z.number().int().min(1).optional(),
        noteId: NoteId().optional(),
        newNoteTitle: Title().optional(),
      })
      .strict()
      .refine((v) => (v.noteId === undefined) !== (v.newNoteTitle === undefined), {
        message: 'give either noteId or newNoteTitle, not both or neither',
      }),
  ).returns<CiteResult>(),
  /** Re-anchors every citation of a source against its current text (run after a new version). */
  reanchor: call(() => z.object({ sourceId: SourceId() }).strict()).returns<ReanchorSummary>(),
  /** The note as Markdown, citations as Pandoc footnotes. */
  markdown: call(() => z.object({ id: NoteId() }).strict()).returns<{ markdown: string }>(),
} as const;
