import { groupCost } from './groups';
import { Marks } from './marks';
import { dequantise } from './postings';
import { ENTITY_WEIGHT, HEADING_BOOST, type Ranker, type TopK } from './rank';
import type { Group, IndexData } from './types';

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
 * reading them is cheaper than checking each candidate's words, then ranked in full.
 */
export class PassageCandidates {
  private readonly seen = new Marks();
  private readonly narrow = new Marks();
  private readonly allowedMarks = new Marks();

  constructor(
    private readonly index: IndexData,
    private readonly ranker: Ranker,
  ) {}

  /** Scores the query's passages into `top`; returns how many matched in all. */
  run(groups: Group[], allowed: number[] | null, top: TopK): number {
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
    const cheapest = costs.indexOf(Math.min(...costs));
    if (allowed && allowed.length <= costs[cheapest]!) return this.scoreAll(allowed, top);
    if (groups.length === 1 && !groups[0]!.sequence) return this.threshold(groups[0]!, allowedHas, top);

    // Candidates: the cheapest group's passages; other cheap groups narrow them through their postings.
    this.seen.reset(docCount);
    let candidates: number[] = [];
    this.forEachPosting(groups[cheapest]!, (doc) => {
      if (this.seen.add(doc) && index.live[doc] && (!allowedHas || allowedHas(doc))) candidates.push(doc);
    });
    const averageLength = Math.max(1, index.lengthByKind[0]! / Math.max(1, index.liveByKind[0]!));
    groups.forEach((group, g) => {
      if (g === cheapest || costs[g]! > candidates.length * averageLength * 0.25) return;
      this.narrow.reset(docCount);
      this.forEachPosting(group, (doc) => void this.narrow.add(doc));
      candidates = candidates.filter((doc) => this.narrow.has(doc));
    });
    return this.scoreAll(candidates, top);
  }

  private scoreAll(docs: Iterable<number>, top: TopK): number {
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

  /** Every posting of a group (a phrase: of its rarest position), compacted and delta, live or not. */
  private forEachPosting(group: Group, visit: (doc: number) => void): void {
    const { termPostings, entityPostings } = this.index;
    const lists: { postings: typeof termPostings; key: number }[] = [];
    if (group.sequence) {
      let best: number[] = [];
      let bestCost = Infinity;
      for (const forms of group.sequence) {
        const cost = forms.reduce((sum, id) => sum + termPostings.count(id), 0);
        if (cost < bestCost) [best, bestCost] = [forms, cost];
      }
      for (const id of best) lists.push({ postings: termPostings, key: id });
    } else {
      for (const id of group.alternatives.keys()) lists.push({ postings: termPostings, key: id });
      for (const e of group.entityIds) lists.push({ postings: entityPostings, key: e });
    }
    for (const { postings, key } of lists) {
      const docs = postings.docs;
      for (let i = postings.start(key), end = postings.end(key); i < end; i++) visit(docs[i]!);
      for (const doc of postings.delta.get(key) ?? []) visit(doc);
    }
  }

  /**
   * The threshold algorithm for one group: each list's next posting bounds what every unread
   * passage of that list can score, so once the k-th best scored passage beats the sum of the
   * bounds, nothing unread can overtake it. Passages added since the last compaction (the delta)
   * are few and always scored. The total is counted by marking, which is far cheaper than scoring.
   */
  private threshold(group: Group, allowedHas: ((doc: number) => boolean) | null, top: TopK): number {
    const { index, seen, ranker } = this;
    const { termPostings, entityPostings } = index;
    const live = index.live;
    const average = index.lengthByKind[0]! / Math.max(1, index.liveByKind[0]!);
    // Impacts were quantised with the average length at compaction; a longer average now raises scores by at most this.
    const drift = (p: typeof termPostings) => Math.max(1, average / Math.max(1, p.averageLength)) * HEADING_BOOST;
    const cursors: Cursor[] = [];
    const add = (p: typeof termPostings, key: number, factor: number) => {
      const start = p.start(key);
      const end = p.end(key);
      if (end > start) cursors.push({ docs: p.docs, impacts: p.impacts, at: start, end, factor: factor * drift(p) });
    };
    for (const [id, weight] of group.alternatives) add(termPostings, id, group.idf * weight);
    for (const e of group.entityIds) add(entityPostings, e, ENTITY_WEIGHT * group.entityIdf);

    seen.reset(index.docCount);
    let total = 0;
    const consider = (doc: number) => {
      if (!seen.add(doc) || !live[doc] || (allowedHas && !allowedHas(doc))) return;
      total++;
      const score = ranker.score(doc);
      if (score > 0) top.push(doc, score);
    };
    for (const id of group.alternatives.keys()) for (const doc of termPostings.delta.get(id) ?? []) consider(doc);
    for (const e of group.entityIds) for (const doc of entityPostings.delta.get(e) ?? []) consider(doc);

    for (;;) {
      let best: Cursor | null = null;
      let bestBound = 0;
      let bound = 0;
      for (const c of cursors) {
        if (c.at >= c.end) continue;
        const b = dequantise(c.impacts[c.at]!) * c.factor;
        bound += b;
        if (b > bestBound) [best, bestBound] = [c, b];
      }
      if (!best || top.floor >= bound) break;
      // Read a run from the most promising list before looking at the bounds again.
      for (let n = 0; n < 16 && best.at < best.end; n++) consider(best.docs[best.at++]!);
    }
    // What was not read still counts towards the total: mark the rest without scoring.
    for (const c of cursors) {
      for (let i = c.at; i < c.end; i++) {
        const doc = c.docs[i]!;
        if (seen.add(doc) && live[doc] && (!allowedHas || allowedHas(doc))) total++;
      }
    }
    return total;
  }
}
