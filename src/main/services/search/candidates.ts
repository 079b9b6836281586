import { BoundOrder } from './bound-order';
import { groupCost } from './groups';
import { Marks } from './marks';
import { bestOf, holdingEvery, POSTINGS_PER_WORD_CHECKED, type List } from './narrowing';
import { proximityBound, shareAWord, SpanArrays } from './spans';
import { dequantise, type Postings } from './postings';
import { ENTITY_WEIGHT, HEADING_BOOST, proximityBonus, type Collector, type Ranker } from './rank';
import type { Group, IndexData } from './types';

/** Queries of more words keep the proximity allowance whole (a span array per group and passage each). */
const MAX_SPAN_GROUPS = Number(process.env.SPANG ?? 4);
/** Floating-point slack on a proximity bound, so it is never below the score it bounds. */
const ROUNDING = 1 + 1e-9;

/** One postings list being read best-first by the threshold algorithm. */
interface Cursor {
  docs: Uint32Array;
  impacts: Uint8Array;
  at: number;
  end: number;
  /** Multiplies a posting's impact into an upper bound of its share of the score. */
  factor: number;
}

/**
 * Which passages a query scores, and how. One word (with its forms, completions and near
 * spellings, or the entity it names): the threshold algorithm over impact-ordered postings,
 * reading each list best-first and stopping once no unread passage can enter the top k. Several
 * words or a phrase: the cheapest group's passages, narrowed by the other groups' postings where
 * reading them is cheaper than checking each candidate's words; then, when every group met every
 * candidate, scored best bound first until none left can enter the top k (the proximity bonus
 * allowed for only as far as where the words stand allows, spans.ts), else scored in full.
 */
export class PassageCandidates {
  private readonly seen = new Marks();
  private readonly narrow = new Marks();
  private readonly allowedMarks = new Marks();
  private readonly holding = new Marks();
  private readonly holdingNext = new Marks();
  private bound = new Float64Array(1024);
  private best = new Float64Array(1024);
  private readonly spans = new SpanArrays();
  private readonly order = new BoundOrder();
  private rough = new Float64Array(1024);

  constructor(
    private readonly index: IndexData,
    private readonly ranker: Ranker,
  ) {}

  /** Scores the query's passages into `top`; returns how many matched in all. */
  run(groups: Group[], allowed: number[] | null, top: Collector): number {
    if (groups.some((g) => g.impossible)) return 0;
    const { index } = this;
    const docCount = index.docCount;
    let allowedHas: ((doc: number) => boolean) | null = null;
    if (allowed) {
      this.allowedMarks.reset(docCount);
      for (const doc of allowed) this.allowedMarks.add(doc);
      allowedHas = (doc) => this.allowedMarks.has(doc);
    }
    const costs = groups.map((g) => groupCost(index, g));
    const cheapest = indexOfSmallest(costs);
    if (allowed && allowed.length <= costs[cheapest]!) return this.scoreAll(allowed, top);
    if (groups.length === 1 && !groups[0]!.sequence) return this.threshold(groups[0]!, allowedHas, top);
    if (groups.length === 1 && groups[0]!.entityIds.length > 0) {
      // A phrase naming an entity: passages holding the phrase or mentioning the entity, each scored.
      return this.scoreAll(this.livePassagesOf(this.namedPhraseLists(groups[0]!), allowedHas), top);
    }
    if (groups.length === 1) return this.phrase(groups[0]!, allowedHas, top);

    // Candidates: the cheapest group's passages; the other groups (and a phrase's other words)
    // narrow them through their postings where that is cheaper than reading each candidate.
    // Each candidate collects an upper bound of its score from the impacts it was met with.
    this.seen.reset(docCount);
    if (this.bound.length < docCount) this.bound = new Float64Array(Math.ceil(docCount * 1.5));
    const bound = this.bound;
    // Built at the first narrowing, from the passages both parts hold: far fewer than the first's.
    let candidates: number[] | null = null;
    let marked = 0;
    const averageLength = Math.max(1, index.lengthByKind[0]! / Math.max(1, index.liveByKind[0]!));
    const affordable = () => (candidates ? candidates.length : marked) * averageLength * POSTINGS_PER_WORD_CHECKED;
    const drift = Math.max(1, averageLength / Math.max(1, index.termPostings.averageLength));
    let complete = true;
    // A phrase's words, and its pairs of common words, each narrow the candidates (factor 0: the
    // phrase's bound is not a sum of its words').
    const parts = groups.flatMap((group, g) =>
      group.sequence && group.entityIds.length > 0
        ? [{ g, lists: this.namedPhraseLists(group) }]
        : group.sequence
          ? [
              ...group.sequence.map((forms) => ({ g, lists: forms.map((id) => ({ key: id, postings: index.termPostings, factor: 0 })) })),
              ...this.pairListsOf(group.sequence).map((pair) => ({
                g,
                lists: pair.map((key) => ({ key, postings: index.pairs.postings, factor: 0 })),
              })),
            ]
          : [{ g, lists: this.listsOf(group) }],
    );
    const costOf = (part: (typeof parts)[number]) => part.lists.reduce((sum, l) => sum + l.postings.count(l.key), 0);
    const partCosts = parts.map(costOf);
    const first = indexOfSmallest(partCosts);
    // The reads below are plain loops, not a shared reader with a callback: a call per posting
    // (tens of thousands per query) cost more than the rest of the query. The first part's
    // postings only mark their passages (one bit each); its share of each score bound is read
    // again at the end, for the few passages every part holds.
    const seen = this.seen;
    const live = index.live;
    for (const { key, postings } of parts[first]!.lists) {
      const docs = postings.docs;
      for (let i = postings.start(key), end = postings.end(key); i < end; i++) if (seen.add(docs[i]!)) marked++;
      for (const doc of postings.delta.get(key) ?? []) if (seen.add(doc)) marked++;
    }
    const covered = new Set<number>([parts[first]!.g]);
    // Where each word group's words stand in each candidate, from its postings: words far apart
    // cannot earn the proximity bonus, so the early stop below need not allow for it.
    // Not when two groups share a word ("karo karo"): its passages hold both groups in one place.
    const spans =
      groups.length <= MAX_SPAN_GROUPS && !groups.some((g) => g.sequence) && !shareAWord(groups)
        ? this.spans.forGroups(groups.length, index.docCount)
        : null;
    parts.forEach((part, i) => {
      if (i === first) return;
      if (partCosts[i]! > affordable()) {
        complete = false;
        return;
      }
      const sameGroup = covered.has(part.g);
      covered.add(part.g);
      if (!candidates) {
        const met: number[] = [];
        const best = bestOf(index, part.lists, seen, this.narrow, this.bestArray(), met, spans?.[part.g]);
        candidates = [];
        for (const doc of met) {
          if (!live[doc] || (allowedHas && !allowedHas(doc))) continue;
          candidates.push(doc);
          bound[doc] = sameGroup ? 0 : best[doc]!;
        }
        return;
      }
      const best = bestOf(index, part.lists, seen, this.narrow, this.bestArray(), null, spans?.[part.g]);
      candidates = candidates.filter((doc) => {
        if (!this.narrow.has(doc)) return false;
        if (!sameGroup) bound[doc] = bound[doc]! + best[doc]!;
        return true;
      });
    });
    // No part narrowed them: the first part's passages, as they are.
    candidates ??= this.livePassagesOf(parts[first]!.lists, allowedHas);
    if (groups.some((g) => g.sequence) || covered.size < groups.length || !complete) return this.scoreAll(candidates, top);
    // Every group met every candidate through its postings: all of them match. Add the first
    // part's share to their bounds, and the most proximity can add (from where the words stand
    // when known), score best bound first and stop once the next bound cannot enter the top.
    this.seen.reset(docCount);
    for (const doc of candidates) this.seen.add(doc);
    const firstBest = bestOf(index, parts[first]!.lists, this.seen, this.narrow, this.bestArray(), null, spans?.[parts[first]!.g]);
    for (const doc of candidates) bound[doc] = (firstBest[doc]! + bound[doc]!) * drift;
    this.bestBoundFirst(candidates, groups, spans, top);
    return candidates.length;
  }

  /**
   * Scores the candidates best bound first (`bound`: their words' share) and stops once the next
   * bound cannot enter the top. A bound allows for the most proximity can add; where the words
   * stand is known (`spans`), a candidate's allowance is narrowed when it reaches the top.
   */
  private bestBoundFirst(candidates: number[], groups: Group[], spans: Uint16Array[] | null, top: Collector): void {
    const { bound, order } = this;
    const boost = this.index.boost;
    const idfSum = groups.reduce((sum, g) => sum + g.idf, 0);
    const most = groups.length > 1 ? proximityBonus(1, idfSum) * ROUNDING : 0;
    if (this.rough.length < bound.length) this.rough = new Float64Array(bound.length);
    const rough = this.rough;
    // The heading boost multiplies the whole score of a heading (its impacts already hold it).
    for (const doc of candidates) rough[doc] = bound[doc]! + (boost[doc] ? most * HEADING_BOOST : most);
    order.fill(candidates, rough, spans !== null && most > 0);
    while (order.size > 0 && top.floor < order.nextBound) {
      if (order.nextIsRough) {
        const doc = order.next;
        const share = proximityBonus(proximityBound(spans!, doc), idfSum) * ROUNDING;
        order.refine(bound[doc]! + (boost[doc] ? share * HEADING_BOOST : share));
        continue;
      }
      const doc = order.take();
      const score = this.ranker.score(doc);
      if (score > 0) top.push(doc, score);
    }
  }

  /** The live (and allowed) passages of the lists, each once. */
  private livePassagesOf(lists: List[], allowedHas: ((doc: number) => boolean) | null): number[] {
    const { index } = this;
    const once = this.narrow;
    once.reset(index.docCount);
    const out: number[] = [];
    const visit = (doc: number) => {
      if (once.add(doc) && index.live[doc] && (!allowedHas || allowedHas(doc))) out.push(doc);
    };
    for (const { key, postings } of lists) {
      for (let i = postings.start(key), end = postings.end(key); i < end; i++) visit(postings.docs[i]!);
      for (const doc of postings.delta.get(key) ?? []) visit(doc);
    }
    return out;
  }

  /** The lists of a word group, each with the factor turning an impact into a score bound. */
  private listsOf(group: Group): List[] {
    const { termPostings, entityPostings } = this.index;
    const lists = [...group.alternatives].map(([id, weight]) => ({ key: id, postings: termPostings, factor: group.idf * weight }));
    for (const e of group.entityIds) lists.push({ key: e, postings: entityPostings, factor: ENTITY_WEIGHT * group.entityIdf });
    return lists;
  }

  /**
   * The lists a phrase naming an entity (a run of Chinese typed as an alias) is found on: its
   * rarest word's (every passage holding the phrase is on them) and the entities' mentions.
   */
  private namedPhraseLists(group: Group): List[] {
    const { termPostings, entityPostings } = this.index;
    let rarest: number[] = [];
    let cost = Infinity;
    for (const forms of group.sequence!) {
      let count = 0;
      for (const id of forms) count += termPostings.count(id);
      if (count < cost) [rarest, cost] = [forms, count];
    }
    const lists = rarest.map((key) => ({ key, postings: termPostings, factor: 0 }));
    for (const key of group.entityIds) lists.push({ key, postings: entityPostings, factor: 0 });
    return lists;
  }

  /** For each adjacent pair of a phrase's positions whose forms are all common words, the pairs' keys. */
  private pairListsOf(sequence: number[][]): number[][] {
    const out: number[][] = [];
    for (let k = 0; k + 1 < sequence.length; k++) {
      const keys: number[] = [];
      let complete = true;
      for (const a of sequence[k]!) {
        for (const b of sequence[k + 1]!) {
          const key = this.index.pairs.key(a, b);
          if (key < 0) complete = false;
          else keys.push(key);
        }
      }
      if (complete && keys.length > 0) out.push(keys);
    }
    return out;
  }

  /**
   * A phrase alone. Every match is on the list of each of its words, and (for common words) of
   * each of its pairs: the shortest of these lists supplies the candidates. When holding that list's
   * key means holding the phrase (a one-word phrase, or a two-word phrase read from its pair),
   * the list is read best impact first and reading stops, as for one word, once no unread passage
   * can enter the top k; the rest are only counted. Otherwise the list is read the same way (the
   * phrase is at most as frequent as its rarest part), and the unread candidates are checked in
   * place for the phrase only to be counted.
   */
  private phrase(group: Group, allowedHas: ((doc: number) => boolean) | null, top: Collector): number {
    const { index } = this;
    const sequence = group.sequence!;
    let driver: { postings: Postings; keys: number[]; exact: boolean } | null = null;
    let cheapest = Infinity;
    const consider = (postings: Postings, keys: number[], exact: boolean) => {
      let cost = 0;
      for (const key of keys) cost += postings.count(key);
      if (cost < cheapest) [driver, cheapest] = [{ postings, keys, exact }, cost];
    };
    const parts: { postings: Postings; keys: number[] }[] = [];
    for (const forms of sequence) {
      parts.push({ postings: index.termPostings, keys: forms });
      consider(index.termPostings, forms, sequence.length === 1);
    }
    for (const keys of this.pairListsOf(sequence)) {
      parts.push({ postings: index.pairs.postings, keys });
      consider(index.pairs.postings, keys, sequence.length === 2);
    }
    if (!driver) return 0;
    const { postings, keys, exact } = driver as { postings: Postings; keys: number[]; exact: boolean };
    if (!exact) {
      // The phrase's frequency is at most its rarest part's: read best-first and stop early as
      // below, then check the unread candidates for the phrase only to count them. A passage
      // lacking one of the other parts cannot hold the phrase: the parts' postings rule those
      // out first, where reading them costs less than looking into the passages.
      const holds = holdingEvery(index, this.holding, this.holdingNext, driver, parts, cheapest);
      const lists = keys.map((key) => ({ key, postings, factor: group.idf }));
      return this.bestFirst(lists, 'sum', allowedHas, top, (doc) => holds.has(doc) && this.ranker.hasPhrase(doc, 0), holds);
    }
    // Holding the key means holding the phrase, so the phrase's frequency is at most the sum of
    // the keys' frequencies, and its score at most the phrase's idf times the sum of their impacts.
    return this.bestFirst(
      keys.map((key) => ({ key, postings, factor: group.idf })),
      'sum',
      allowedHas,
      top,
    );
  }

  /** The per-passage array of best bounds, sized for the index. */
  private bestArray(): Float64Array {
    if (this.best.length < this.index.docCount) this.best = new Float64Array(Math.ceil(this.index.docCount * 1.5));
    return this.best;
  }

  private scoreAll(docs: Iterable<number>, top: Collector): number {
    let total = 0;
    for (const doc of docs) {
      if (!this.index.live[doc]) continue;
      const score = this.ranker.score(doc);
      if (score > 0) {
        total++;
        top.push(doc, score);
      }
    }
    return total;
  }

  /** One word group: a passage scores as its best alternative, so the best bound among the lists bounds them all. */
  private threshold(group: Group, allowedHas: ((doc: number) => boolean) | null, top: Collector): number {
    // rank.ts multiplies an alternative's saturated frequency by its weight, so the bound scales exactly.
    return this.bestFirst(this.listsOf(group), 'max', allowedHas, top);
  }

  /**
   * The threshold algorithm: each list's next posting bounds what every unread passage of that
   * list can score ('max': a passage scores as its best list; 'sum': as at most the sum of its
   * lists), so once the k-th best scored passage reaches the bound, nothing unread can overtake
   * it. Passages added since the last compaction (the delta) are few and always scored. Every
   * passage of the lists matches; the total is counted by marking, far cheaper than scoring.
   */
  private bestFirst(
    lists: List[],
    mode: 'max' | 'sum',
    allowedHas: ((doc: number) => boolean) | null,
    top: Collector,
    /** When being on a list does not mean matching: whether an unread passage matches, for the total. */
    matches: ((doc: number) => boolean) | null = null,
    /** Passages that may match at all: the others are not scored. */
    mayMatch: Marks | null = null,
  ): number {
    const { index, seen, ranker } = this;
    const live = index.live;
    const average = index.lengthByKind[0]! / Math.max(1, index.liveByKind[0]!);
    const cursors: Cursor[] = [];
    for (const { key, postings, factor } of lists) {
      const start = postings.start(key);
      const end = postings.end(key);
      // Impacts were quantised with the average length at compaction (heading boost included); a
      // longer average now raises scores by at most this.
      const drift = Math.max(1, average / Math.max(1, postings.averageLength));
      if (end > start) cursors.push({ docs: postings.docs, impacts: postings.impacts, at: start, end, factor: factor * drift });
    }

    seen.reset(index.docCount);
    let total = 0;
    const consider = (doc: number) => {
      if (!seen.add(doc) || !live[doc] || (allowedHas && !allowedHas(doc))) return;
      if (mayMatch && !mayMatch.has(doc)) return;
      const score = ranker.score(doc);
      if (score > 0) {
        total++;
        top.push(doc, score);
      } else if (!matches) total++;
    };
    for (const { key, postings } of lists) for (const doc of postings.delta.get(key) ?? []) consider(doc);

    for (;;) {
      let best: Cursor | null = null;
      let most = 0;
      let bound = 0;
      for (const c of cursors) {
        if (c.at >= c.end) continue;
        const b = dequantise(c.impacts[c.at]!) * c.factor;
        if (b > most) [best, most] = [c, b];
        bound = mode === 'max' ? Math.max(bound, b) : bound + b;
      }
      if (!best || top.floor >= bound) break;
      // Read a run from the most promising list before looking at the bounds again.
      for (let n = 0; n < 16 && best.at < best.end; n++) consider(best.docs[best.at++]!);
    }
    // What was not read still counts towards the total: mark the rest without scoring.
    for (const c of cursors) {
      const docs = c.docs;
      for (let i = c.at; i < c.end; i++) {
        const doc = docs[i]!;
        if (seen.add(doc) && live[doc] && (!allowedHas || allowedHas(doc)) && (!matches || matches(doc))) total++;
      }
    }
    return total;
  }
}

/** The position of the smallest number (never Math.min(...list): a long list would overflow the stack). */
function indexOfSmallest(list: number[]): number {
  let best = 0;
  for (let i = 1; i < list.length; i++) if (list[i]! < list[best]!) best = i;
  return best;
}
