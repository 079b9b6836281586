/**
 * Notes and citations as every shell sees them. A citation is the W3C Web Annotation TextQuote
 * selector (exact, prefix, suffix) plus a TextPosition selector (start, end into the version's
 * text) plus the version it was made against, so it can be re-anchored when the text changes.
 */

/** Lexical node types that carry meaning for the store; the renderer's node classes use these names. */
export const NOTE_NODE = {
  citation: 'sb-citation',
  entityMention: 'sb-entity-mention',
  noteLink: 'sb-note-link',
} as const;

/** How many characters of context are kept each side of a quote. */
export const CITATION_CONTEXT_CHARS = 32;

export type CitationStatus = 'ok' | 'moved' | 'review' | 'orphaned';

/** What a reader selection becomes; it travels inside the note's citation node. */
export interface CitationPayload {
  /** Unique within its note; survives saves, undo and revisions. */
  key: string;
  sourceId: string;
  sourceTitle: string | null;
  versionId: string;
  versionSha256: string;
  passageAnchor: string;
  passageOrdinal: number;
  /** The quoted words exactly as in the version text: `text.slice(start, end)`. */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy' | 'none' | 'accepted';

/** One re-anchoring decision, kept so a user can see why a citation moved or needs review. */
export interface AnchorEvent {
  at: string;
  fromVersionId: string;
  toVersionId: string;
  method: AnchorMethod;
  status: CitationStatus;
  /** 0..1; how sure the match was. */
  score: number;
  previous: { exact: string; start: number; end: number; passageAnchor: string };
  /** Where the text now is, when it was found. */
  next?: { exact: string; start: number; end: number; passageAnchor: string };
  /** The best candidate when unsure, offered to the user, never applied silently. */
  suggestion?: { exact: string; start: number; end: number; score: number };
  reason: string;
}

/** A citation as stored now: the payload after any re-anchoring, with its status. */
export interface CitationView extends CitationPayload {
  noteId: string;
  status: CitationStatus;
  history: AnchorEvent[];
  /** The source's current version; differs from versionId while a citation awaits review. */
  currentVersionId: string | null;
  /** The quote's offsets in its passage's displayed text, for highlighting; null unless anchored in the current version. */
  passageRange: { start: number; end: number } | null;
}

export interface NoteRef {
  id: string;
  title: string;
  updatedAt: string;
}

export interface NoteSummary extends NoteRef {
  tags: string[];
  createdAt: string;
  deletedAt: string | null;
  /** Increments with every committed save; a save may name the count it started from. */
  saveCount: number;
  citationCount: number;
  reviewCount: number;
  excerpt: string;
}

export interface NoteDetail extends NoteSummary {
  /** Lexical's serialized editor state. */
  document: SerializedNoteDocument;
  plainText: string;
  citations: CitationView[];
  /** Notes that link to this one. */
  backlinks: NoteRef[];
}

export interface SaveResult {
  id: string;
  saveCount: number;
  updatedAt: string;
  citations: CitationView[];
  revisionId: number | null;
}

export type RevisionReason = 'create' | 'autosave' | 'close' | 'before-restore' | 'restore';

export interface RevisionSummary {
  id: number;
  noteId: string;
  title: string;
  reason: RevisionReason;
  createdAt: string;
  wordCount: number;
}

export interface RevisionDetail extends RevisionSummary {
  document: SerializedNoteDocument;
  plainText: string;
}

export interface PassageCitations {
  anchor: string;
  count: number;
  notes: NoteRef[];
  /** The cited words, as offsets in the passage's displayed text, and the notes citing each. */
  cited: { start: number; end: number; notes: NoteRef[] }[];
}

export interface ReviewItem {
  noteId: string;
  noteTitle: string;
  citation: CitationView;
}

export interface ReanchorSummary {
  sourceId: string;
  checked: number;
  ok: number;
  moved: number;
  review: number;
  orphaned: number;
  noteIds: string[];
}

/** Lexical JSON, kept loose here: the store walks it, the renderer's editor owns its shape. */
export interface SerializedNoteNode {
  type: string;
  version?: number;
  children?: SerializedNoteNode[];
  text?: string;
  [field: string]: unknown;
}

export interface SerializedNoteDocument {
  root: SerializedNoteNode;
}
