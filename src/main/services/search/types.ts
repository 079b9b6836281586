import type { EntityType, PassageKind } from '../../../shared/domain';
import type { SearchFilters, SearchKind } from '../../../shared/search';
import type { Vocabulary } from './vocabulary';

/** One searchable thing. `key` is unique across kinds ("p:12", "s:seed-000", "e:mss", "n:…"). */
export interface EngineDoc {
  key: string;
  kind: SearchKind;
  ref: string;
  title: string;
  /** A passage loaded from the index file has '' here: its text is read from SQLite when shown. */
  text: string;
  sourceId?: string;
  anchor?: string;
  ordinal?: number;
  passageKind?: PassageKind;
  /** The source's date: on passages and sources, for the from:/to: filters. */
  issued?: string | null;
  mentions?: { entityId: string; start: number; end: number }[];
  entityType?: EntityType;
  aliases?: string[];
  tags?: string[];
}

export interface QueryOptions {
  limit?: number;
  filters?: SearchFilters;
  kinds?: SearchKind[];
}

export interface EngineState {
  flex: [string, string][];
  terms: string[];
  df: Uint32Array;
  docs: (EngineDoc | null)[];
  tokenOffsets: Uint32Array;
  tokens: Uint32Array;
}

/** What the query steps (groups, candidates, ranking, filters, hits) read from the engine. */
export interface IndexData {
  readonly vocabulary: Vocabulary;
  readonly docs: readonly (EngineDoc | null)[];
  /** Each document's term ids in text order (title first): the forward index. */
  readonly tokens: readonly (Uint32Array | null)[];
  readonly entityPassages: ReadonlyMap<string, Set<number>>;
  readonly entityDocs: ReadonlyMap<string, number>;
  readonly aliasIndex: ReadonlyMap<string, Set<string>>;
  readonly sourceDocs: ReadonlyMap<string, number>;
  readonly sourcePassages: ReadonlyMap<string, Set<number>>;
  readonly liveCount: number;
  /** Per document, how many of its leading terms are its title's (which count double); 0 for passages. */
  readonly titleTermCounts: readonly number[];
  readonly totalLength: number;
  /** A passage's text, from memory or, after a reload, from SQLite. */
  textOf(doc: EngineDoc): string;
}

/** One typed word (or quoted phrase) of a query, resolved against the vocabulary. */
export interface Group {
  label: string;
  /** term id → weight: the word itself, its completions while typing, its near spellings. */
  alternatives: Map<number, number>;
  /** A quoted phrase: every position must hold this term, in order. */
  sequence: number[] | null;
  /** A phrase with a word the index has never seen can match nothing. */
  impossible: boolean;
  /** Passages mentioning one of these entities satisfy the word even without its letters. */
  entityIds: string[];
  idf: number;
  /** Rarity of the entities themselves, for passages that match through a mention only. */
  entityIdf: number;
}
