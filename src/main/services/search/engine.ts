import { Index } from 'flexsearch';
import type { EntityType, PassageKind } from '../../../shared/domain';
import type { HighlightRange, SearchFilters, SearchGroup, SearchHit, SearchKind, SearchResponse } from '../../../shared/search';
import { SEARCH_KINDS } from '../../../shared/search';
import { parseQuery, withinDates, type ParsedQuery } from './query';
import { makeSnippet } from './snippet';
import { foldedWords, stem, terms, tokenize, wordSpans } from './text';
import { Vocabulary } from './vocabulary';

/** One searchable thing. `key` is unique across kinds ("p:12", "s:seed-000", "e:mss", "n:…"). */
export interface EngineDoc {
  key: string;
  kind: SearchKind;
  ref: string;
  title: string;
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

// BM25 constants as commonly used; passages are short and similar in length, so b matters little.
const K1 = 1.2;
const B = 0.75;
const PREFIX_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.65;
const ENTITY_WEIGHT = 0.9;
const PHRASE_BOOST = 1.5;
const PROXIMITY_WEIGHT = 1.2;
const PREFIX_EXPANSIONS = 24;
/** Candidates scored per query; beyond it FlexSearch's own order decides which are looked at. */
const MAX_CANDIDATES = 1500;
/** Of those, how many may come from completions and near spellings of a word. */
const EXPANSION_BUDGET = 500;

interface Group {
  label: string;
  /** term id → weight: the word itself, its completions while typing, its near spellings. */
  alternatives: Map<number, number>;
  /** A quoted phrase: every position must hold this term, in order. */
  sequence: number[] | null;
  /** Passages mentioning one of these entities satisfy the word even without its letters. */
  entityIds: string[];
  idf: number;
  /** Rarity of the entities themselves, for passages that match through a mention only. */
  entityIdf: number;
}

/** Scores of one kind's matches in parallel arrays: a query may score thousands of candidates. */
class ScoreList {
  ids: number[] = [];
  scores: number[] = [];
  push(id: number, score: number): void {
    this.ids.push(id);
    this.scores.push(score);
  }
  get length(): number {
    return this.ids.length;
  }
  /** The best `limit`, best first; a running selection instead of sorting thousands. */
  top(limit: number): { id: number; score: number }[] {
    const best: number[] = [];
    const better = (a: number, b: number) => this.scores[a]! > this.scores[b]! || (this.scores[a] === this.scores[b] && this.ids[a]! < this.ids[b]!);
    for (let i = 0; i < this.ids.length; i++) {
      if (best.length === limit && !better(i, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(i, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = i;
      if (best.length > limit) best.length = limit;
    }
    return best.map((i) => ({ id: this.ids[i]!, score: this.scores[i]! }));
  }
}

interface Scratch {
  tf: Float64Array;
  slot: Int32Array;
  slotGroups: Int32Array;
  slotWeights: Float64Array;
  slotNext: Int32Array;
  hitPositions: Int32Array;
  hitGroups: Int32Array;
}

function createFlexIndex() {
  // Terms arrive already folded and stemmed, space-separated; FlexSearch stores their postings.
  return new Index({ tokenize: 'strict', resolution: 9, encode: (text: string) => text.split(' ') });
}

export class SearchEngine {
  private flex = createFlexIndex();
  private vocabulary = new Vocabulary();
  private docs: (EngineDoc | null)[] = [];
  private tokens: (Uint32Array | null)[] = [];
  private keyToId = new Map<string, number>();
  private entityPassages = new Map<string, Set<number>>();
  private entityDocs = new Map<string, number>();
  private aliasIndex = new Map<string, Set<string>>();
  private sourceDocs = new Map<string, number>();
  private sourcePassages = new Map<string, Set<number>>();
  private liveCount = 0;
  private totalLength = 0;
  private stale = 0;
  private termSlot = new Int32Array(1024);
  private seen = new Uint32Array(1024);
  private stamp = 0;

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
    const termList = terms(doc.title ? `${doc.title}\n${doc.text}` : doc.text);
    const ids = new Uint32Array(termList.length);
    const seen = new Set<number>();
    const distinct: string[] = [];
    termList.forEach((term, i) => {
      const termId = this.vocabulary.intern(term);
      ids[i] = termId;
      if (!seen.has(termId)) {
        seen.add(termId);
        distinct.push(term);
        this.vocabulary.df[termId]!++;
      }
    });
    this.docs.push(doc);
    this.tokens.push(ids);
    // FlexSearch needs each term once, in order of first appearance; counts live in the forward index.
    this.flex.add(id, distinct.join(' '));
    this.attach(id, doc, ids.length);
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
    this.tokens.forEach((t, i) => {
      tokenOffsets[i] = total;
      total += t?.length ?? 0;
    });
    tokenOffsets[this.tokens.length] = total;
    const tokens = new Uint32Array(total);
    this.tokens.forEach((t, i) => t && tokens.set(t, tokenOffsets[i]!));
    return { flex, terms: this.vocabulary.terms, df: this.vocabulary.df.subarray(0, this.vocabulary.terms.length), docs: this.docs, tokenOffsets, tokens };
  }

  static fromState(state: EngineState): SearchEngine {
    const engine = new SearchEngine();
    for (const [key, data] of state.flex) engine.flex.import(key, data);
    engine.vocabulary = Vocabulary.from(state.terms, state.df);
    engine.docs = state.docs;
    engine.tokens = state.docs.map((doc, i) => (doc ? state.tokens.subarray(state.tokenOffsets[i]!, state.tokenOffsets[i + 1]!) : null));
    state.docs.forEach((doc, id) => {
      if (doc) engine.attach(id, doc, engine.tokens[id]!.length);
      else engine.stale++;
    });
    return engine;
  }

  /** Prefix completion needs the sorted vocabulary; sorting it ahead keeps the first query fast. */
  warm(): void {
    this.vocabulary.prepare();
  }

  query(input: string, options: QueryOptions = {}): SearchResponse {
    const started = performance.now();
    const limit = options.limit ?? 10;
    const parsed = parseQuery(input, options.filters);
    const problems = [...parsed.problems];
    const kinds = new Set(options.kinds ?? SEARCH_KINDS);
    const allowed = this.resolveFilters(parsed, problems);
    const groups = this.buildGroups(parsed);
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
        const { scratch, release } = this.scratchFor(groups);
        try {
          for (const id of this.candidates(groups, allowed)) {
            const doc = this.docs[id];
            if (!doc || !kinds.has(doc.kind)) continue;
            const score = this.score(id, groups, scratch);
            if (score > 0) byKind.get(doc.kind)!.push(id, score);
          }
        } finally {
          release();
        }
      }
    }

    const result: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const list = byKind.get(kind)!;
      if (!kinds.has(kind) || list.length === 0) continue;
      const entityFilter = allowed && allowed !== 'none' ? this.filterEntityIds(parsed) : [];
      result.push({ kind, total: list.length, hits: list.top(limit).map((s) => this.hit(s, groups, entityFilter)) });
    }
    return { query: input, groups: result, problems, tookMs: performance.now() - started };
  }


  private buildGroups(parsed: ParsedQuery): Group[] {
    const n = this.liveCount || 1;
    const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const groups: Group[] = [];
    const folded = parsed.words.map((w) => foldedWords(w));
    // Each typed word may itself split ("Hewlett-Packard" is two words); flatten with the typed index kept.
    const flat: { word: string; typed: number }[] = folded.flatMap((parts, typed) => parts.map((word) => ({ word, typed })));
    const lastTyped = parsed.words.length - 1;
    const entitySpans = this.entitySpans(flat.map((f) => f.word));

    flat.forEach(({ word, typed }, position) => {
      const alternatives = new Map<number, number>();
      const exact = this.vocabulary.idOf(stem(word));
      if (exact !== undefined && this.vocabulary.frequency(exact) > 0) alternatives.set(exact, 1);
      const isPrefix = parsed.prefixLast && typed === lastTyped && position === flat.length - 1;
      if (isPrefix) {
        for (const id of this.vocabulary.withPrefix(word, PREFIX_EXPANSIONS)) if (!alternatives.has(id)) alternatives.set(id, PREFIX_WEIGHT);
      }
      if (alternatives.size === 0) {
        for (const id of this.vocabulary.nearby(stem(word)).slice(0, 8)) alternatives.set(id, TYPO_WEIGHT);
        if (alternatives.size === 0) for (const id of this.vocabulary.nearby(word).slice(0, 8)) alternatives.set(id, TYPO_WEIGHT);
      }
      const primary = exact ?? [...alternatives.keys()][0];
      const entityIds = entitySpans.get(position) ?? [];
      const mentioned = entityIds.reduce((sum, e) => sum + (this.entityPassages.get(e)?.size ?? 0), 0);
      groups.push({
        label: word,
        alternatives,
        sequence: null,
        entityIds,
        idf: idf(primary === undefined ? 0 : this.vocabulary.frequency(primary)),
        entityIdf: idf(mentioned),
      });
    });

    for (const phrase of parsed.phrases) {
      const sequence = terms(phrase).map((t) => this.vocabulary.idOf(t) ?? -1);
      if (sequence.length === 0) continue;
      const idfSum = sequence.reduce((sum, id) => sum + idf(id < 0 ? 0 : this.vocabulary.frequency(id)), 0);
      groups.push({ label: phrase, alternatives: new Map(sequence.filter((id) => id >= 0).map((id) => [id, 1])), sequence, entityIds: [], idf: idfSum * PHRASE_BOOST, entityIdf: 0 });
    }
    return groups;
  }

  /** Word positions covered by an entity name or alias typed in full, such as "MSS" or "state security ministry". */
  private entitySpans(words: string[]): Map<number, string[]> {
    const spans = new Map<number, string[]>();
    for (let start = 0; start < words.length; start++) {
      for (let end = Math.min(words.length, start + 6); end > start; end--) {
        const entities = this.aliasIndex.get(words.slice(start, end).join(' '));
        if (!entities || entities.size === 0) continue;
        for (let i = start; i < end; i++) spans.set(i, [...(spans.get(i) ?? []), ...entities]);
      }
    }
    return spans;
  }

  private groupCost(group: Group): number {
    if (group.sequence) return Math.min(...group.sequence.map((id) => (id < 0 ? 0 : this.vocabulary.frequency(id))));
    let cost = 0;
    for (const id of group.alternatives.keys()) cost += this.vocabulary.frequency(id);
    for (const e of group.entityIds) cost += this.entityPassages.get(e)?.size ?? 0;
    return cost;
  }

  private candidates(groups: Group[], allowed: Set<number> | null): Iterable<number> {
    const costs = groups.map((g) => this.groupCost(g));
    const rarest = groups[costs.indexOf(Math.min(...costs))]!;
    if (allowed && allowed.size <= Math.min(...costs)) return allowed;
    const found: number[] = [];
    // A stamp per query marks seen documents without allocating a set.
    if (this.seen.length < this.docs.length) this.seen = new Uint32Array(this.docs.length * 2);
    const stamp = ++this.stamp;
    const take = (ids: Iterable<number>, budget: number) => {
      const stop = Math.min(MAX_CANDIDATES, found.length + budget);
      for (const id of ids) {
        if (found.length >= stop) return;
        if (this.seen[id] === stamp || (allowed && !allowed.has(id))) continue;
        this.seen[id] = stamp;
        found.push(id);
      }
    };
    // Ask FlexSearch for no more than can still be used: a filter may drop some, so a margin.
    const postings = (termId: number, budget = MAX_CANDIDATES) =>
      this.flex.search(this.vocabulary.terms[termId]!, { limit: allowed ? MAX_CANDIDATES : Math.max(1, Math.min(MAX_CANDIDATES, budget)) }) as number[];
    if (rarest.sequence) {
      // A phrase's rarest term is enough: every match contains it.
      const rarestTerm = rarest.sequence.reduce((a, b) => (this.vocabulary.frequency(a) <= this.vocabulary.frequency(b) ? a : b));
      if (rarestTerm >= 0) take(postings(rarestTerm), MAX_CANDIDATES);
      return found;
    }
    // The typed word and the entity it names first; completions and near spellings share a
    // smaller budget, rarest first, since they score lower anyway.
    const alternatives = [...rarest.alternatives.entries()];
    for (const [termId, weight] of alternatives) if (weight === 1) take(postings(termId), MAX_CANDIDATES);
    for (const entityId of rarest.entityIds) take(this.entityPassages.get(entityId) ?? [], MAX_CANDIDATES);
    const weaker = alternatives.filter(([, w]) => w < 1).sort((a, b) => this.vocabulary.frequency(a[0]) - this.vocabulary.frequency(b[0]));
    const budgetEnd = Math.min(MAX_CANDIDATES, found.length + EXPANSION_BUDGET);
    for (const [termId] of weaker) {
      if (found.length >= budgetEnd) break;
      take(postings(termId, budgetEnd - found.length), budgetEnd - found.length);
    }
    return found;
  }

  /** BM25 over the matched words, a bonus for phrases and for words close together; null when a word is missing. */
  private score(id: number, groups: Group[], scratch: Scratch): number {
    const tokens = this.tokens[id];
    const doc = this.docs[id];
    if (!tokens || !doc) return 0;
    const { tf, slot, slotGroups, slotWeights, slotNext, hitPositions, hitGroups } = scratch;
    tf.fill(0);
    let hitCount = 0;
    // Words in the title of a source, entity or note count double: "Capvision" the company before the raids on it.
    const titleLength = doc.kind !== 'passage' && doc.title ? terms(doc.title).length : 0;
    const trackHits = groups.length > 1;
    for (let i = 0; i < tokens.length; i++) {
      const s = slot[tokens[i]!]!;
      if (s === 0) continue;
      for (let k = s - 1; k !== -1; k = slotNext[k]!) {
        const g = slotGroups[k]!;
        tf[g] = tf[g]! + (i < titleLength ? slotWeights[k]! * 2 : slotWeights[k]!);
        if (trackHits && hitCount < hitPositions.length) {
          hitPositions[hitCount] = i;
          hitGroups[hitCount++] = g;
        }
      }
    }
    for (let g = 0; g < groups.length; g++) {
      const seq = groups[g]!.sequence;
      if (!seq) continue;
      if (seq.some((t) => t < 0)) return 0;
      for (let i = 0; i + seq.length <= tokens.length; i++) {
        let k = 0;
        while (k < seq.length && tokens[i + k] === seq[k]) k++;
        if (k === seq.length) {
          tf[g] = tf[g]! + 1;
          if (trackHits && hitCount < hitPositions.length) {
            hitPositions[hitCount] = i;
            hitGroups[hitCount++] = g;
          }
        }
      }
    }
    const avg = this.totalLength / Math.max(1, this.liveCount);
    const norm = K1 * (1 - B + (B * tokens.length) / Math.max(1, avg));
    const bm25 = (idfValue: number, f: number) => (idfValue * (f * (K1 + 1))) / (f + norm);
    let score = 0;
    for (let g = 0; g < groups.length; g++) {
      const f = tf[g]!;
      const group = groups[g]!;
      let groupScore = f > 0 ? bm25(group.idf, f) : 0;
      if (group.entityIds.length > 0) {
        const mentioned = this.mentionedIn(id, group);
        if (mentioned.length > 0) {
          const count = (doc.mentions ?? []).filter((m) => mentioned.includes(m.entityId)).length;
          groupScore = Math.max(groupScore, ENTITY_WEIGHT * bm25(group.entityIdf, Math.max(1, count)));
        }
      }
      if (groupScore <= 0) return 0;
      score += groupScore;
    }
    if (trackHits) score += PROXIMITY_WEIGHT * proximity(hitPositions, hitGroups, hitCount, groups.length);
    if (doc.passageKind === 'title' || doc.passageKind === 'heading') score *= 1.1;
    // The entity the words name (by name or alias) leads the entities it merely appears in.
    if (doc.kind === 'entity' && groups.every((g) => g.entityIds.includes(doc.ref))) score = score * 3 + 10;
    return score;
  }

  private mentionedIn(id: number, group: Group): string[] {
    return group.entityIds.filter((e) => this.entityPassages.get(e)?.has(id));
  }

  /**
   * Per-query arrays reused across candidates: the query's terms are marked in a flat array the
   * size of the vocabulary so the per-token test is one read, with a linked list for a term that
   * serves several words. `release` unmarks them.
   */
  private scratchFor(groups: Group[]): { scratch: Scratch; release: () => void } {
    if (this.termSlot.length < this.vocabulary.terms.length) this.termSlot = new Int32Array(this.vocabulary.terms.length * 2);
    const slot = this.termSlot;
    const slotGroups: number[] = [];
    const slotWeights: number[] = [];
    const slotNext: number[] = [];
    const marked: number[] = [];
    groups.forEach((group, g) => {
      if (group.sequence) return;
      for (const [termId, weight] of group.alternatives) {
        const k = slotGroups.length;
        slotGroups.push(g);
        slotWeights.push(weight);
        slotNext.push(slot[termId]! - 1);
        if (slot[termId] === 0) marked.push(termId);
        slot[termId] = k + 1;
      }
    });
    const scratch: Scratch = {
      tf: new Float64Array(groups.length),
      slot,
      slotGroups: Int32Array.from(slotGroups),
      slotWeights: Float64Array.from(slotWeights),
      slotNext: Int32Array.from(slotNext),
      hitPositions: new Int32Array(512),
      hitGroups: new Int32Array(512),
    };
    return { scratch, release: () => marked.forEach((termId) => (slot[termId] = 0)) };
  }

  private hit(scored: { id: number; score: number }, groups: Group[], filterEntities: string[]): SearchHit {
    const doc = this.docs[scored.id]!;
    const full = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
    const wanted = new Set<number>();
    for (const g of groups) for (const id of g.alternatives.keys()) wanted.add(id);
    const ranges: HighlightRange[] = [];
    // The stored term ids line up with the word spans, so only offsets need finding here.
    const termIds = this.tokens[scored.id]!;
    const spans = wordSpans(full);
    if (spans.length === termIds.length * 2) {
      for (let i = 0; i < termIds.length; i++) if (wanted.has(termIds[i]!)) ranges.push({ start: spans[i * 2]!, end: spans[i * 2 + 1]! });
    } else {
      for (const token of tokenize(full)) {
        const id = this.vocabulary.idOf(token.term);
        if (id !== undefined && wanted.has(id)) ranges.push({ start: token.start, end: token.end });
      }
    }
    const offset = doc.title ? doc.title.length + 1 : 0;
    const entities = new Set([...groups.flatMap((g) => this.mentionedIn(scored.id, g)), ...filterEntities]);
    for (const m of doc.mentions ?? []) if (entities.has(m.entityId)) ranges.push({ start: m.start + offset, end: m.end + offset });
    const textRanges = ranges.filter((r) => r.start >= offset).map((r) => ({ start: r.start - offset, end: r.end - offset }));
    const titleRanges = ranges.filter((r) => r.end <= (doc.title ? doc.title.length : 0));
    const hit: SearchHit = {
      kind: doc.kind,
      id: doc.ref,
      title: doc.kind === 'passage' ? this.sourceTitle(doc.sourceId) : doc.title,
      snippet: makeSnippet(doc.text, textRanges),
      score: Math.round(scored.score * 1000) / 1000,
    };
    if (doc.kind !== 'passage' && titleRanges.length > 0) hit.titleRanges = titleRanges;
    if (doc.sourceId) hit.sourceId = doc.sourceId;
    if (doc.anchor) hit.anchor = doc.anchor;
    if (doc.ordinal !== undefined) hit.ordinal = doc.ordinal;
    if (doc.kind === 'passage') hit.matches = makeSnippet(doc.text, textRanges, Number.MAX_SAFE_INTEGER).ranges;
    if (doc.entityType) hit.entityType = doc.entityType;
    return hit;
  }

  private sourceTitle(sourceId: string | undefined): string {
    const id = sourceId === undefined ? undefined : this.sourceDocs.get(sourceId);
    return (id !== undefined ? this.docs[id]?.title : undefined) || sourceId || 'Untitled source';
  }

  resolveEntity(ref: string): string | undefined {
    if (this.entityDocs.has(ref)) return ref;
    const matches = this.aliasIndex.get(aliasKey(ref));
    return matches && matches.size > 0 ? [...matches][0] : undefined;
  }

  private filterEntityIds(parsed: ParsedQuery): string[] {
    return parsed.filters.entity.map((ref) => this.resolveEntity(ref)).filter((id): id is string => !!id);
  }

  private resolveSource(ref: string): string[] {
    if (this.sourceDocs.has(ref)) return [ref];
    const wanted = foldedWords(ref).join(' ');
    const found: string[] = [];
    for (const [sourceId, id] of this.sourceDocs) if (foldedWords(this.docs[id]!.title).join(' ').includes(wanted)) found.push(sourceId);
    return found;
  }

  /**
   * The documents filters allow: null when there are no filters, 'none' when a filter names
   * nothing that exists (the problem says which). Filters are evaluated before the words, so
   * a filter with a handful of passages never depends on FlexSearch's candidate order.
   */
  private resolveFilters(parsed: ParsedQuery, problems: string[]): Set<number> | null | 'none' {
    const f = parsed.filters;
    if (f.entity.length === 0 && f.source.length === 0 && f.type.length === 0 && !f.from && !f.to) return null;
    let passages: Set<number> | null = null;
    const narrow = (next: Set<number>) => {
      passages = passages === null ? next : new Set([...passages].filter((id) => next.has(id)));
    };
    const entityIds: string[] = [];
    for (const ref of f.entity) {
      const entityId = this.resolveEntity(ref);
      if (!entityId) {
        problems.push(`entity:${ref} names no entity in this notebook.`);
        return 'none';
      }
      entityIds.push(entityId);
      narrow(this.entityPassages.get(entityId) ?? new Set());
    }
    if (f.source.length > 0) {
      const sourceIds = f.source.flatMap((ref) => {
        const found = this.resolveSource(ref);
        if (found.length === 0) problems.push(`source:${ref} names no source in this notebook.`);
        return found;
      });
      if (sourceIds.length === 0) return 'none';
      narrow(new Set(sourceIds.flatMap((s) => [...(this.sourcePassages.get(s) ?? [])])));
    }
    const types = new Set(f.type);
    if (types.size > 0) {
      const ofType = new Set<number>();
      for (const [entityId, docId] of this.entityDocs) {
        if (types.has(this.docs[docId]!.entityType!)) for (const id of this.entityPassages.get(entityId) ?? []) ofType.add(id);
      }
      narrow(ofType);
    }
    if (f.from || f.to) {
      const dated = new Set<number>();
      for (const [sourceId, ids] of this.sourcePassages) {
        const sourceDoc = this.sourceDocs.get(sourceId);
        if (sourceDoc !== undefined && withinDates(this.docs[sourceDoc]!.issued, f.from, f.to)) for (const id of ids) dated.add(id);
      }
      narrow(dated);
    }
    const allowed = new Set<number>(passages ?? []);
    const passageFilters = f.entity.length > 0 || f.type.length > 0;
    // Sources and entities pass the filters that make sense for them.
    for (const [sourceId, id] of this.sourceDocs) {
      const ok = (f.source.length === 0 || this.resolveSourceSet(f.source).has(sourceId)) && withinDates(this.docs[id]!.issued, f.from, f.to);
      if (ok && !passageFilters) allowed.add(id);
    }
    for (const [entityId, id] of this.entityDocs) {
      const doc = this.docs[id]!;
      const ok = (types.size === 0 || types.has(doc.entityType!)) && (entityIds.length === 0 || entityIds.includes(entityId));
      if (ok && f.source.length === 0 && !f.from && !f.to) allowed.add(id);
    }
    return allowed;
  }

  private resolveSourceSet(refs: string[]): Set<string> {
    return new Set(refs.flatMap((ref) => this.resolveSource(ref)));
  }
}

/** Smallest window of token positions holding every word: 1 when they are adjacent, less as they spread. */
function proximity(positions: Int32Array, groupsOf: Int32Array, count: number, groupCount: number): number {
  if (count < 2) return 0;
  const present = new Set<number>();
  for (let i = 0; i < count; i++) present.add(groupsOf[i]!);
  const needed = present.size;
  if (needed < 2) return 0;
  // Word hits arrive in position order, phrase hits after them: sort an index once.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  const counts = new Map<number, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < count; right++) {
    const gr = groupsOf[order[right]!]!;
    counts.set(gr, (counts.get(gr) ?? 0) + 1);
    while (counts.size === needed) {
      best = Math.min(best, positions[order[right]!]! - positions[order[left]!]! + 1);
      const gl = groupsOf[order[left]!]!;
      const c = counts.get(gl)! - 1;
      if (c === 0) counts.delete(gl);
      else counts.set(gl, c);
      left++;
    }
  }
  if (!Number.isFinite(best)) return 0;
  return (needed / Math.max(needed, best)) * (needed / groupCount);
}

function aliasKey(alias: string): string {
  return foldedWords(alias).join(' ');
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}


