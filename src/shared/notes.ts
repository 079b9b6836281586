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

/**
 * Where a citation stands against its source's current text (docs/citations.md):
 * - current: the same words at the same place;
 * - moved: the same words, found unambiguously at a new place;
 * - changed: needs review: the words at the cited place differ, or they now occur at several
 *   places; a proposal is offered, never applied by itself;
 * - lost: needs review: the cited passage is gone and nothing new resembles it;
 * - pinned: a person chose to keep citing the older version it quotes exactly.
 */
export type CitationStatus = 'current' | 'moved' | 'changed' | 'lost' | 'pinned';

/** Statuses that wait for a person's decision: listed in Review, flagged in every export, refused by `--strict`. */
export const UNDECIDED_STATUSES: readonly CitationStatus[] = ['changed', 'lost'];
export const isUndecided = (status: CitationStatus): boolean => UNDECIDED_STATUSES.includes(status);

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

/**
 * How a place was found: 'alignment' (the cited place, followed through the diff of the two
 * versions), 'quote' (the same words where the cited passage moved), 'none' (not placed: review),
 * 'accepted' (a person took the proposal). 'position' and 'fuzzy' appear in histories written
 * before the anchoring rule of issue 10.
 */
export type AnchorMethod = 'alignment' | 'quote' | 'none' | 'accepted' | 'position' | 'fuzzy';

/**
 * What the comparison of a cited place with a new version found. unchanged / typography / shifted
 * / relocated leave the words as they were (current or moved); edited (other words at the cited
 * place), ambiguous (the words at several places) and context (the words remain but everything
 * around them was rewritten) need review (changed); removed / lookalike mean the passage is gone (lost).
 */
export type AnchorFinding =
  'unchanged' | 'typography' | 'shifted' | 'relocated' | 'edited' | 'ambiguous' | 'context' | 'removed' | 'lookalike';

/** One part of a word-level "was / now" diff of a quote. */
export interface QuoteDiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * One entry of a citation's history: a re-anchoring check or a person's decision. Entries are
 * only ever appended; readers ignore fields they do not know, so later entries may carry more.
 */
export interface AnchorEvent {
  at: string;
  /** 'check' (the default for entries written without it) or a person's decision. */
  action?: 'check' | 'accept' | 'keep-pinned' | 'recite' | 'remove';
  fromVersionId: string;
  toVersionId: string;
  method: AnchorMethod;
  status: CitationStatus;
  finding?: AnchorFinding;
  /** 0..1; how sure the match was. */
  score: number;
  previous: { exact: string; start: number; end: number; passageAnchor: string };
  /** Where the text now is, when it was found. */
  next?: { exact: string; start: number; end: number; passageAnchor: string };
  /** The proposal when a person must decide: offered, never applied by itself. */
  suggestion?: { exact: string; start: number; end: number; score: number; passageAnchor?: string };
  /** Word-level diff from the quoted words (was) to the proposal (now). */
  diff?: QuoteDiffPart[];
  /** How many times the quote's exact words occur in the version checked. */
  occurrences?: number;
  reason: string;
}

/** A citation as stored now: the payload after any re-anchoring, with its status. */
export interface CitationView extends CitationPayload {
  noteId: string;
  /** SHA-256 of the pinned version's text, recorded when the citation was made or last moved: exports re-hash and compare. */
  textSha256: string;
  status: CitationStatus;
  history: AnchorEvent[];
  /** The source's current version; differs from versionId while a citation awaits review. */
  currentVersionId: string | null;
  /** The quote's offsets in its passage's displayed text, for highlighting; null unless anchored in the current version. */
  passageRange: { start: number; end: number } | null;
  /** The source was deleted from the library: the citation keeps its pinned version and quote. */
  sourceDeleted?: boolean;
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

/** What `notes.cite` returns: the note as saved, and the citation as stored in it. */
export interface CiteResult {
  note: NoteDetail;
  citation: CitationView;
}

/** What a person decides for a citation in review: take the proposed new words, keep citing the pinned version, or remove it. */
export const REVIEW_DECISIONS = ['accept', 'keep-pinned', 'remove'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewItem {
  noteId: string;
  noteTitle: string;
  citation: CitationView;
  /** The words around the proposal in the source's current text, to read the passage in both versions. */
  proposalContext: { prefix: string; suffix: string } | null;
}

export interface ReanchorSummary {
  sourceId: string;
  checked: number;
  current: number;
  moved: number;
  changed: number;
  lost: number;
  pinned: number;
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

/** Lexical's serialized text node (plain, or with Lexical's format bits: 1 bold, 2 italic…). */
export const serializedText = (text: string, format = 0): SerializedNoteNode => ({
  type: 'text',
  version: 1,
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});

/** Lexical's serialized paragraph, as the editor writes it. */
export const serializedParagraph = (children: SerializedNoteNode[]): SerializedNoteNode => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});
