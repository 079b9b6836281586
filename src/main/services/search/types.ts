import type { EntityType, PassageKind } from '../../../shared/domain';
import type { SearchFilters, SearchKind } from '../../../shared/search';
import type { Vocabulary } from './vocabulary';
import type { Postings } from './postings';
import type { PairIndex } from './pairs';

/** A source, entity or note: few, changing often, kept whole; FlexSearch holds their words. */
export interface SmallDoc {
  key: string;
  kind: Exclude<SearchKind, 'passage'>;
  ref: string;
  title: string;
  text: string;
  /** A source's date, for the from:/to: filters. */
  issued?: string | null;
  entityType?: EntityType;
  aliases?: string[];
  tags?: string[];
}

/** A passage as the index receives it; only numbers are kept (SQLite holds the text). */
export interface PassageInput {
  id: number;
  sourceId: string;
  kind: PassageKind;
  text: string;
  /** Entity ids mentioned, once per mention. */
  mentions: string[];
}

export interface SourceInfo {
  id: string;
  title: string;
  issued: string | null;
  language: number;
}

export interface EntityInfo {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface QueryOptions {
  limit?: number;
  filters?: SearchFilters;
  kinds?: SearchKind[];
  /** Count every matching passage by source. */
  perSource?: boolean;
}

/** What a passage hit shows, read from SQLite for the few shown. */
export interface PassageView {
  text: string;
  anchor: string;
  ordinal: number;
  mentions: { entityId: string; start: number; end: number }[];
}
/** `mentions`: whether the views need their mentions (only to mark entities the query or a filter names). */
export type PassageReader = (passageIds: number[], mentions?: boolean) => Map<number, PassageView>;

export const KIND_PASSAGE = 0;
export const KIND_CODES: Record<SearchKind, number> = { passage: 0, source: 1, entity: 2, note: 3 };
export const NONE = 0xffffffff;

/** What the query steps (groups, candidates, ranking, filters, hits) read from the engine. */
export interface IndexData {
  readonly vocabulary: Vocabulary;
  readonly termPostings: Postings;
  readonly entityPostings: Postings;
  /** Postings of adjacent pairs of common words, for phrases. */
  readonly pairs: PairIndex;
  readonly kind: Uint8Array;
  readonly live: Uint8Array;
  readonly tokChunk: Uint32Array;
  readonly tokStart: Uint32Array;
  readonly tokLen: Uint32Array;
  readonly titleLen: Uint32Array;
  readonly boost: Uint8Array;
  readonly mentionStart: Uint32Array;
  readonly mentionLen: Uint32Array;
  readonly mentionEntities: Uint32Array;
  readonly sourceOf: Uint32Array;
  readonly refOf: Uint32Array;
  readonly chunks: readonly Uint32Array[];
  readonly docCount: number;
  readonly small: ReadonlyMap<number, SmallDoc>;
  readonly sources: readonly SourceInfo[];
  readonly sourceIndex: ReadonlyMap<string, number>;
  readonly sourceDoc: ReadonlyMap<number, number>;
  readonly sourcePassages: ReadonlyMap<number, number[]>;
  readonly entities: readonly EntityInfo[];
  readonly entityIndex: ReadonlyMap<string, number>;
  readonly entityDoc: ReadonlyMap<number, number>;
  readonly aliasIndex: ReadonlyMap<string, Set<string>>;
  /** Live documents and their total length per kind code, for BM25. */
  readonly liveByKind: Uint32Array;
  readonly lengthByKind: Float64Array;
  /** Languages of the notebook's sources, as a bit mask of stemming.ts LANGUAGES. */
  readonly languageMask: number;
}

/** One typed word (or quoted phrase) of a query, resolved against the vocabulary. */
export interface Group {
  label: string;
  /** word id → weight: the word itself, its forms, its completions while typing, its near spellings. */
  alternatives: Map<number, number>;
  /** A quoted phrase: position k must hold one of sequence[k]'s words. */
  sequence: number[][] | null;
  /** A phrase with a word the index has never seen can match nothing. */
  impossible: boolean;
  /** Entity indices: passages mentioning one of these satisfy the word even without its letters. */
  entityIds: number[];
  idf: number;
  /** Rarity of the entities themselves, for passages that match through a mention only. */
  entityIdf: number;
}
