import type { Group, IndexData } from './types';

// BM25 constants as commonly used; passages are short and similar in length, so b matters little.
const K1 = 1.2;
const B = 0.75;
const ENTITY_WEIGHT = 0.9;
const PROXIMITY_WEIGHT = 1.2;
const MAX_HITS_TRACKED = 512;

/** Scores of one kind's matches in parallel arrays: a query may score thousands of candidates. */
export class ScoreList {
  ids: number[] = [];
  scores: number[] = [];
  push(id: number, score: number): void {
    this.ids.push(id);
    this.scores.push(score);
  }
  get length(): number {
    return this.ids.length;
  }
  private better(a: number, b: number): boolean {
    return this.scores[a]! > this.scores[b]! || (this.scores[a] === this.scores[b] && this.ids[a]! < this.ids[b]!);
  }
  /** The best `limit`, best first; a running selection instead of sorting thousands. */
  top(limit: number): { id: number; score: number }[] {
    const best: number[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      if (best.length === limit && !this.better(i, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && this.better(i, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = i;
      if (best.length > limit) best.length = limit;
    }
    return best.map((i) => ({ id: this.ids[i]!, score: this.scores[i]! }));
  }
}

/**
 * Per-query arrays reused across candidates: the query's terms are marked in a flat array the
 * size of the vocabulary so the per-token test is one read, with a linked list for a term that
 * serves several words. `release` unmarks them. Nothing is allocated per candidate.
 */
export class Ranker {
  private slot = new Int32Array(1024);
  private marked: number[] = [];
  private groups: Group[] = [];
  private slotGroups = new Int32Array(0);
  private slotWeights = new Float64Array(0);
  private slotNext = new Int32Array(0);
  private tf = new Float64Array(0);
  private readonly hitPositions = new Int32Array(MAX_HITS_TRACKED);
  private readonly hitGroups = new Int32Array(MAX_HITS_TRACKED);
  private readonly order = new Int32Array(MAX_HITS_TRACKED);
  private counts = new Int32Array(0);
  private averageLength = 0;

  constructor(private readonly index: IndexData) {}

  prepare(groups: Group[]): void {
    const vocabularySize = this.index.vocabulary.terms.length;
    if (this.slot.length < vocabularySize) this.slot = new Int32Array(vocabularySize * 2);
    const slot = this.slot;
    const slotGroups: number[] = [];
    const slotWeights: number[] = [];
    const slotNext: number[] = [];
    groups.forEach((group, g) => {
      if (group.sequence) return;
      for (const [termId, weight] of group.alternatives) {
        const k = slotGroups.length;
        slotGroups.push(g);
        slotWeights.push(weight);
        slotNext.push(slot[termId]! - 1);
        if (slot[termId] === 0) this.marked.push(termId);
        slot[termId] = k + 1;
      }
    });
    this.groups = groups;
    this.slotGroups = Int32Array.from(slotGroups);
    this.slotWeights = Float64Array.from(slotWeights);
    this.slotNext = Int32Array.from(slotNext);
    this.tf = new Float64Array(groups.length);
    this.counts = new Int32Array(groups.length);
    this.averageLength = this.index.totalLength / Math.max(1, this.index.liveCount);
  }

  release(): void {
    for (const termId of this.marked) this.slot[termId] = 0;
    this.marked.length = 0;
  }

  /** BM25 over the matched words, a bonus for phrases and for words close together; 0 when a word is missing. */
  score(id: number): number {
    const tokens = this.index.tokens[id];
    const doc = this.index.docs[id];
    if (!tokens || !doc) return 0;
    const { tf, slot, slotGroups, slotWeights, slotNext, hitPositions, hitGroups, groups } = this;
    tf.fill(0);
    let hitCount = 0;
    // Words in the title of a source, entity or note count double: "Capvision" the company before the raids on it.
    const titleLength = this.index.titleTermCounts[id] ?? 0;
    const trackHits = groups.length > 1;
    for (let i = 0; i < tokens.length; i++) {
      const s = slot[tokens[i]!]!;
      if (s === 0) continue;
      for (let k = s - 1; k !== -1; k = slotNext[k]!) {
        const g = slotGroups[k]!;
        tf[g] = tf[g]! + (i < titleLength ? slotWeights[k]! * 2 : slotWeights[k]!);
        if (trackHits && hitCount < MAX_HITS_TRACKED) {
          hitPositions[hitCount] = i;
          hitGroups[hitCount++] = g;
        }
      }
    }
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const seq = group.sequence;
      if (!seq) continue;
      if (group.impossible) return 0;
      for (let i = 0; i + seq.length <= tokens.length; i++) {
        let k = 0;
        while (k < seq.length && tokens[i + k] === seq[k]) k++;
        if (k === seq.length) {
          tf[g] = tf[g]! + 1;
          if (trackHits && hitCount < MAX_HITS_TRACKED) {
            hitPositions[hitCount] = i;
            hitGroups[hitCount++] = g;
          }
        }
      }
    }
    const norm = K1 * (1 - B + (B * tokens.length) / Math.max(1, this.averageLength));
    let score = 0;
    for (let g = 0; g < groups.length; g++) {
      const f = tf[g]!;
      const group = groups[g]!;
      let groupScore = f > 0 ? bm25(group.idf, f, norm) : 0;
      if (group.entityIds.length > 0) {
        const count = this.mentionCount(id, group);
        if (count > 0) groupScore = Math.max(groupScore, ENTITY_WEIGHT * bm25(group.entityIdf, count, norm));
      }
      if (groupScore <= 0) return 0;
      score += groupScore;
    }
    if (trackHits) score += PROXIMITY_WEIGHT * this.proximity(hitCount);
    if (doc.passageKind === 'title' || doc.passageKind === 'heading') score *= 1.1;
    // The entity the words name (by name or alias) leads the entities it merely appears in.
    if (doc.kind === 'entity' && groups.every((g) => g.entityIds.includes(doc.ref))) score = score * 3 + 10;
    return score;
  }

  /** Mentions in the document of the group's entities (at least 1 when any is mentioned), 0 when none is. */
  private mentionCount(id: number, group: Group): number {
    let mentioned = false;
    for (const e of group.entityIds) {
      if (this.index.entityPassages.get(e)?.has(id)) {
        mentioned = true;
        break;
      }
    }
    if (!mentioned) return 0;
    let count = 0;
    for (const m of this.index.docs[id]!.mentions ?? []) {
      if (group.entityIds.includes(m.entityId) && this.index.entityPassages.get(m.entityId)?.has(id)) count++;
    }
    return Math.max(1, count);
  }

  /** Smallest window of token positions holding every word: 1 when they are adjacent, less as they spread. */
  private proximity(count: number): number {
    if (count < 2) return 0;
    const { hitPositions: positions, hitGroups: groupsOf, order, counts } = this;
    const groupCount = this.groups.length;
    counts.fill(0);
    let needed = 0;
    for (let i = 0; i < count; i++) {
      if (counts[groupsOf[i]!] === 0) needed++;
      counts[groupsOf[i]!] = 1;
    }
    if (needed < 2) return 0;
    // Word hits arrive in position order, phrase hits after them: an insertion sort of the index is enough.
    for (let i = 0; i < count; i++) {
      let at = i;
      while (at > 0 && positions[order[at - 1]!]! > positions[i]!) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = i;
    }
    counts.fill(0);
    let present = 0;
    let best = Infinity;
    let left = 0;
    for (let right = 0; right < count; right++) {
      const gr = groupsOf[order[right]!]!;
      if (counts[gr]!++ === 0) present++;
      while (present === needed) {
        best = Math.min(best, positions[order[right]!]! - positions[order[left]!]! + 1);
        const gl = groupsOf[order[left]!]!;
        if (--counts[gl]! === 0) present--;
        left++;
      }
    }
    if (!Number.isFinite(best)) return 0;
    return (needed / Math.max(needed, best)) * (needed / groupCount);
  }
}

function bm25(idf: number, f: number, norm: number): number {
  return (idf * (f * (K1 + 1))) / (f + norm);
}
