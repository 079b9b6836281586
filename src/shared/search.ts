import type { EntityType } from './contract/ids';

/** Types of the search feature, shared by the services, the shells and the renderer. */

export type SearchKind = 'passage' | 'source' | 'entity' | 'note';
export const SEARCH_KINDS: readonly SearchKind[] = ['passage', 'source', 'entity', 'note'];

export interface SearchFilters {
  /** Entity ids, names or aliases: only passages mentioning every one of them. */
  entity?: string[];
  /** Source ids (or words of a source title): only passages from these sources. */
  source?: string[];
  /** Only passages mentioning an entity of one of these types (and only entities of them). */
  type?: EntityType[];
  /** Source date range, YYYY[-MM[-DD]], inclusive. */
  from?: string;
  to?: string;
  /**
   * Sources without a date under a date range: left out ('exclude', the default, and the response
   * says how many matches that left out) or kept ('include').
   */
  undated?: 'include' | 'exclude';
}

/** Offsets in UTF-16 code units into the text they accompany, half-open. Never markup. */
export interface HighlightRange {
  start: number;
  end: number;
}

export interface SearchSnippet {
  text: string;
  ranges: HighlightRange[];
  /** The snippet starts or ends inside the text, so the UI can show an ellipsis. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** Passage id (as a string), source id, entity id or note id. */
  id: string;
  /** What a result line leads with: the source title for a passage, the name for an entity. */
  title: string;
  /** Matched words within `title`, for sources, entities and notes. */
  titleRanges?: HighlightRange[];
  snippet: SearchSnippet;
  score: number;
  /** For passages and sources: where to open the reader. */
  sourceId?: string;
  anchor?: string;
  ordinal?: number;
  /** For passages: the matched words within the whole passage text, for the reader to mark. */
  matches?: HighlightRange[];
  entityType?: EntityType;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** How many matched in all, of which `hits` are the best. */
  total: number;
}

export interface SearchResponse {
  query: string;
  groups: SearchGroup[];
  /** Filters that could not be understood or resolved, worded for the user. */
  problems: string[];
  /** What the filters did that the user may not expect ("3 matches in undated sources were left out"). */
  notices?: string[];
  /** The filters in force: those typed in the query merged with those given, for the filter form to show. */
  filters?: SearchFilters;
  /** With `perSource`: every matching passage counted by source, most first. */
  perSource?: SourceCount[];
  tookMs: number;
}

export interface SourceCount {
  sourceId: string;
  title: string;
  passages: number;
}

/** A query kept to be run again on every import. */
export interface SavedSearch {
  id: string;
  query: string;
  filters: SearchFilters;
  createdAt: string;
  /** When an import last brought passages that match, and how many. */
  lastMatchedAt: string | null;
  lastNewPassages: number;
}

/** After an import: passages of the imported sources that a saved search matches. */
export interface SavedSearchMatch {
  savedSearchId: string;
  query: string;
  newPassages: number;
  sources: SourceCount[];
}

/** Batch search: per term, its passages counted by source. */
export interface BatchRow {
  term: string;
  total: number;
  sources: SourceCount[];
  /** Why a term could not be searched (a filter naming nothing, for instance). */
  problems: string[];
}
export interface BatchResult {
  rows: BatchRow[];
  tookMs: number;
}

export interface SearchStatus {
  /** 'building' with a ready index means it answers from the previous index meanwhile. */
  state: 'idle' | 'loading' | 'building' | 'ready' | 'failed';
  documents: number;
  /** Where the ready index came from: the persisted file, or a fresh build from SQLite. */
  origin: 'disk' | 'build' | null;
  message: string | null;
  /** How far a build is, 0–1, while building. */
  progress?: number;
  /** The index could not be written to disk: it answers from memory and is rebuilt at the next start. */
  persistError?: string | null;
  /** The change log position (migration 0004) the index reflects. */
  seq?: number;
  /** The worker has asked the loaded index its warm-up queries: searches now run optimised code. */
  warm?: boolean;
}

/** A note as search needs it: read from the note table by the index loader. */
export interface NoteSearchDoc {
  id: string;
  title: string;
  text: string;
  tags: string[];
}
