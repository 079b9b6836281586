import { Index } from 'flexsearch';
import type { SearchGroup, SearchKind, SearchResponse } from '../../../shared/search';
import { SEARCH_KINDS } from '../../../shared/search';
import { filterEntityIds, resolveEntity, resolveFilters } from './filters';
import { CandidatePicker } from './candidates';
import { aliasKey, buildGroups } from './groups';
import { buildHit } from './hits';
import { parseQuery } from './query';
import { Ranker, ScoreList } from './rank';
import { surfaceWords, termOf, terms } from './text';
import type { EngineDoc, EngineState, IndexData, QueryOptions } from './types';
import { Vocabulary } from './vocabulary';

export type { EngineDoc, EngineState, QueryOptions } from './types';

/** Reads passages' texts from SQLite by passage id. */
export type PassageTexts = (passageIds: number[]) => Map<number, string>;

/** Surface forms remembered with their term id while indexing; cleared past this many. */
const SURFACE_CACHE_LIMIT = 500_000;

/**
 * Terms arrive already folded and stemmed; FlexSearch stores their postings. While indexing, the
 * vocabulary's own strings are handed over as they are (their hashes are already computed, which
 * saves a tenth of FlexSearch's time); a search term is one string.
 */
function createFlexIndex(pending: { terms: string[] | null }) {
  return new Index({ tokenize: 'strict', resolution: 9, encode: (text: string) => pending.terms ?? text.split(' ') });
}

/**
 * The index: FlexSearch as the term → documents postings store, our vocabulary (document
 * frequencies, prefixes, typos) and a forward index (each document's term ids in order) that the
 * ranking verifies candidates against. Query steps live beside it: groups.ts, rank.ts,
 * filters.ts, hits.ts.
 */
export class SearchEngine implements IndexData {
  private readonly pendingTerms: { terms: string[] | null } = { terms: null };
  private flex = createFlexIndex(this.pendingTerms);
  vocabulary = new Vocabulary();
  docs: (EngineDoc | null)[] = [];
  tokens: (Uint32Array | null)[] = [];
  readonly entityPassages = new Map<string, Set<number>>();
  readonly entityDocs = new Map<string, number>();
  readonly aliasIndex = new Map<string, Set<string>>();
  readonly sourceDocs = new Map<string, number>();
  readonly sourcePassages = new Map<string, Set<number>>();
  liveCount = 0;
  totalLength = 0;
  readonly titleTermCounts: number[] = [];
  private keyToId = new Map<string, number>();
  private stale = 0;
  private readonly candidates = new CandidatePicker(this, (term, limit) => this.flex.search(term, { limit }) as number[]);
  private surfaceIds = new Map<string, number>();
  private termStamp = new Uint32Array(1024);
  private ranker = new Ranker(this);

  /**
   * SQLite holds every passage's text; with a reader here, passages keep none in memory or in the
   * index file, and the few shown as results are read back. Without one, texts stay in memory.
   */
  constructor(private readonly passageTexts?: PassageTexts) {}
  /** Texts of the passages about to be shown, read in one statement per query. */
  private fetched: Map<number, string> | null = null;

  get size(): number {
    return this.liveCount;
  }

  /** Share of FlexSearch entries that point at removed documents; a rebuild clears them. */
  get staleRatio(): number {
    return this.docs.length === 0 ? 0 : this.stale / this.docs.length;
  }

  has(key: string): boolean {
    return this.keyToId.has(key);
  }

  textOf(doc: EngineDoc): string {
    if (doc.kind !== 'passage' || doc.text !== '' || !this.passageTexts) return doc.text;
    const id = Number(doc.ref);
    return (this.fetched ?? this.passageTexts([id])).get(id) ?? '';
  }

  passagesOfEntity(entityId: string): number[] {
    return [...(this.entityPassages.get(entityId) ?? [])].map((id) => Number(this.docs[id]!.ref));
  }

  keysOfSource(sourceId: string): string[] {
    const keys = [...(this.sourcePassages.get(sourceId) ?? [])].map((id) => this.docs[id]!.key);
    if (this.sourceDocs.has(sourceId)) keys.push(`s:${sourceId}`);
    return keys;
  }

  upsert(doc: EngineDoc): void {
    this.remove(doc.key);
    const id = this.docs.length;
    const words = surfaceWords(doc.title ? `${doc.title}\n${doc.text}` : doc.text);
    const ids = new Uint32Array(words.length);
    let count = 0;
    const distinct: string[] = [];
    for (const word of words) {
      const termId = this.termIdOf(word);
      if (termId < 0) continue;
      ids[count++] = termId;
      // A stamp per document (id + 1) marks terms already counted, without a set per document.
      if (this.termStamp[termId] !== id + 1) {
        this.termStamp[termId] = id + 1;
        distinct.push(this.vocabulary.terms[termId]!);
        this.vocabulary.df[termId]!++;
      }
    }
    const termIds = count === ids.length ? ids : ids.slice(0, count);
    this.docs.push(doc.kind === 'passage' && this.passageTexts ? { ...doc, text: '' } : doc);
    this.tokens.push(termIds);
    // FlexSearch needs each term once, in order of first appearance; counts live in the forward index.
    if (distinct.length > 0) {
      this.pendingTerms.terms = distinct;
      try {
        this.flex.add(id, distinct[0]!);
      } finally {
        this.pendingTerms.terms = null;
      }
    }
    this.attach(id, this.docs[id]!, termIds.length);
  }

  /** A written word's term id, folding and stemming each surface form once; -1 when it has none. */
  private termIdOf(word: string): number {
    let termId = this.surfaceIds.get(word);
    if (termId === undefined) {
      if (this.surfaceIds.size >= SURFACE_CACHE_LIMIT) this.surfaceIds.clear();
      const term = termOf(word);
      termId = term ? this.vocabulary.intern(term) : -1;
      this.surfaceIds.set(word, termId);
      if (termId >= this.termStamp.length) {
        const grown = new Uint32Array(Math.max(termId + 1, this.termStamp.length * 2));
        grown.set(this.termStamp);
        this.termStamp = grown;
      }
    }
    return termId;
  }

  remove(key: string): void {
    const id = this.keyToId.get(key);
    if (id === undefined) return;
    const doc = this.docs[id]!;
    const ids = this.tokens[id]!;
    for (const termId of new Set(ids)) this.vocabulary.df[termId]!--;
    this.totalLength -= ids.length;
    this.liveCount--;
    this.keyToId.delete(key);
    for (const m of doc.mentions ?? []) this.entityPassages.get(m.entityId)?.delete(id);
    if (doc.kind === 'passage' && doc.sourceId) this.sourcePassages.get(doc.sourceId)?.delete(id);
    if (doc.kind === 'source') this.sourceDocs.delete(doc.ref);
    if (doc.kind === 'entity') {
      this.entityDocs.delete(doc.ref);
      for (const alias of [doc.title, ...(doc.aliases ?? [])]) this.aliasIndex.get(aliasKey(alias))?.delete(doc.ref);
    }
    // FlexSearch keeps the id (removal there walks the whole index); verification skips it.
    this.docs[id] = null;
    this.tokens[id] = null;
    this.stale++;
  }

  private attach(id: number, doc: EngineDoc, length: number): void {
    this.keyToId.set(doc.key, id);
    this.titleTermCounts[id] = doc.kind !== 'passage' && doc.title ? terms(doc.title).length : 0;
    this.liveCount++;
    this.totalLength += length;
    for (const m of doc.mentions ?? []) setOf(this.entityPassages, m.entityId).add(id);
    if (doc.kind === 'passage' && doc.sourceId) setOf(this.sourcePassages, doc.sourceId).add(id);
    if (doc.kind === 'source') this.sourceDocs.set(doc.ref, id);
    if (doc.kind === 'entity') {
      this.entityDocs.set(doc.ref, id);
      for (const alias of [doc.title, ...(doc.aliases ?? [])]) setOf(this.aliasIndex, aliasKey(alias)).add(doc.ref);
    }
  }

  /** FlexSearch exports synchronously when its handler does not return a promise. */
  exportState(): EngineState {
    const flex: [string, string][] = [];
    this.flex.export((key: string, data: string) => void flex.push([key, data]));
    const tokenOffsets = new Uint32Array(this.tokens.length + 1);
    let total = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      tokenOffsets[i] = total;
      total += this.tokens[i]?.length ?? 0;
    }
    tokenOffsets[this.tokens.length] = total;
    const tokens = new Uint32Array(total);
    this.tokens.forEach((t, i) => t && tokens.set(t, tokenOffsets[i]!));
    return {
      flex,
      terms: this.vocabulary.terms,
      df: this.vocabulary.df.subarray(0, this.vocabulary.terms.length),
      docs: this.docs,
      tokenOffsets,
      tokens,
    };
  }

  static fromState(state: EngineState, passageTexts?: PassageTexts): SearchEngine {
    const engine = new SearchEngine(passageTexts);
    for (const [key, data] of state.flex) engine.flex.import(key, data);
    engine.vocabulary = Vocabulary.from(state.terms, state.df);
    engine.docs = state.docs;
    engine.tokens = new Array<Uint32Array | null>(state.docs.length);
    for (let id = 0; id < state.docs.length; id++) {
      const doc = state.docs[id];
      if (!doc) {
        engine.tokens[id] = null;
        engine.stale++;
        continue;
      }
      engine.tokens[id] = state.tokens.subarray(state.tokenOffsets[id]!, state.tokenOffsets[id + 1]!);
      engine.attach(id, doc, engine.tokens[id]!.length);
    }
    return engine;
  }

  /** Prefix completion needs the sorted vocabulary; sorting it ahead keeps the first query fast. */
  warm(): void {
    this.vocabulary.prepare();
  }

  resolveEntity(ref: string): string | undefined {
    return resolveEntity(this, ref);
  }

  query(input: string, options: QueryOptions = {}): SearchResponse {
    const started = performance.now();
    const limit = options.limit ?? 10;
    const parsed = parseQuery(input, options.filters);
    const problems = [...parsed.problems];
    const kinds = new Set(options.kinds ?? SEARCH_KINDS);
    const allowed = resolveFilters(this, parsed, problems);
    const groups = buildGroups(this, parsed);
    const byKind = new Map<SearchKind, ScoreList>(SEARCH_KINDS.map((k) => [k, new ScoreList()]));

    if (allowed !== 'none') {
      if (groups.length === 0) {
        if (allowed) {
          for (const id of allowed) {
            const doc = this.docs[id];
            if (doc && kinds.has(doc.kind)) byKind.get(doc.kind)!.push(id, 0);
          }
        }
      } else {
        this.ranker.prepare(groups);
        try {
          for (const id of this.candidates.pick(groups, allowed)) {
            const doc = this.docs[id];
            if (!doc || !kinds.has(doc.kind)) continue;
            const score = this.ranker.score(id);
            if (score > 0) byKind.get(doc.kind)!.push(id, score);
          }
        } finally {
          this.ranker.release();
        }
      }
    }

    const shown = SEARCH_KINDS.filter((kind) => kinds.has(kind) && byKind.get(kind)!.length > 0).map((kind) => ({
      kind,
      list: byKind.get(kind)!,
      top: byKind.get(kind)!.top(limit),
    }));
    this.fetchTexts(shown.flatMap((s) => s.top.map((t) => t.id)));
    try {
      const result: SearchGroup[] = shown.map(({ kind, list, top }) => {
        const entityFilter = allowed && allowed !== 'none' ? filterEntityIds(this, parsed) : [];
        return { kind, total: list.length, hits: top.map((s) => buildHit(this, s, groups, entityFilter)) };
      });
      return { query: input, groups: result, problems, tookMs: performance.now() - started };
    } finally {
      this.fetched = null;
    }
  }

  private fetchTexts(ids: number[]): void {
    if (!this.passageTexts) return;
    const wanted: number[] = [];
    for (const id of ids) {
      const doc = this.docs[id];
      if (doc && doc.kind === 'passage' && doc.text === '') wanted.push(Number(doc.ref));
    }
    this.fetched = wanted.length > 0 ? this.passageTexts(wanted) : null;
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
