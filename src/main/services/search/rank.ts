import { B, K1 } from './postings';
import type { Group, IndexData } from './types';

const ENTITY_WEIGHT = 0.9;
/** Words side by side earn up to this share of their idf again: enough that adjacency beats a shorter passage. */
const PROXIMITY_WEIGHT = 1.0;
const MAX_HITS_TRACKED = 512;
export const HEADING_BOOST = 1.1;
export { ENTITY_WEIGHT };

/**
 * BM25 over a document's words read from the forward index, with a proximity bonus (smallest
 * window holding every word), phrases verified in place, title words counting double, and
 * entity awareness. Per-query arrays are reused across candidates: the query's words are marked
 * in a flat array the size of the vocabulary so the per-token test is one read, with a linked
 * list for a word that serves several groups. `release` unmarks them. Nothing is allocated per
 * candidate.
 */
export class Ranker {
  private slot = new Int32Array(1024);
  private phraseMask = new Uint32Array(1024);
  /**
   * One bit per vocabulary word, set for the query's words: a document's words are tested here
   * first (5 KB per 40,000 words, always in the nearest cache) and only the query's own words
   * read `slot` and `phraseMask`, whose random reads (320 KB each) missed the cache on most words.
   */
  private queryBits = new Int32Array(32);
  private marked: number[] = [];
  private groups: Group[] = [];
  private slotGroups = new Int32Array(0);
  private slotWeights = new Float64Array(0);
  private slotNext = new Int32Array(0);
  private phraseBase: number[] = [];
  private tf = new Float64Array(0);
  private slotTf = new Float64Array(0);
  private readonly hitPositions = new Int32Array(MAX_HITS_TRACKED);
  private readonly hitGroups = new Int32Array(MAX_HITS_TRACKED);
  private readonly order = new Int32Array(MAX_HITS_TRACKED);
  private counts = new Int32Array(0);
  private idfSum = 0;

  constructor(private readonly index: IndexData) {}

  prepare(groups: Group[]): void {
    const vocabularySize = this.index.vocabulary.size;
    if (this.slot.length < vocabularySize) {
      this.slot = new Int32Array(vocabularySize * 2);
      this.phraseMask = new Uint32Array(vocabularySize * 2);
    }
    if (this.queryBits.length * 32 < vocabularySize) this.queryBits = new Int32Array(((vocabularySize + 31) >>> 5) * 2);
    const { slot, phraseMask } = this;
    const slotGroups: number[] = [];
    const slotWeights: number[] = [];
    const slotNext: number[] = [];
    this.phraseBase = [];
    let bit = 0;
    groups.forEach((group, g) => {
      if (group.sequence) {
        this.phraseBase[g] = bit;
        for (const forms of group.sequence) {
          for (const id of forms) {
            if (slot[id] === 0 && phraseMask[id] === 0) this.marked.push(id);
            phraseMask[id]! |= 1 << bit;
          }
          bit++;
        }
        return;
      }
      for (const [termId, weight] of group.alternatives) {
        const k = slotGroups.length;
        slotGroups.push(g);
        slotWeights.push(weight);
        slotNext.push(slot[termId]! - 1);
        if (slot[termId] === 0 && phraseMask[termId] === 0) this.marked.push(termId);
        slot[termId] = k + 1;
      }
    });
    for (const termId of this.marked) this.queryBits[termId >>> 5]! |= 1 << (termId & 31);
    this.groups = groups;
    this.slotGroups = Int32Array.from(slotGroups);
    this.slotWeights = Float64Array.from(slotWeights);
    this.slotNext = Int32Array.from(slotNext);
    this.tf = new Float64Array(groups.length);
    this.slotTf = new Float64Array(slotGroups.length);
    this.counts = new Int32Array(groups.length);
    this.idfSum = groups.reduce((sum, g) => sum + g.idf, 0);
  }

  release(): void {
    for (const termId of this.marked) {
      this.slot[termId] = 0;
      this.phraseMask[termId] = 0;
      this.queryBits[termId >>> 5] = 0;
    }
    this.marked.length = 0;
  }

  /** The document's score; 0 when a word (or phrase) is missing. */
  score(doc: number): number {
    const index = this.index;
    const tokens = index.chunks[index.tokChunk[doc]!]!;
    const start = index.tokStart[doc]!;
    const length = index.tokLen[doc]!;
    const end = start + length;
    const { tf, slotTf, slot, slotGroups, slotWeights, slotNext, hitPositions, hitGroups, groups, queryBits } = this;
    tf.fill(0);
    slotTf.fill(0);
    let hitCount = 0;
    // Words in the title of a source, entity or note count double: "Capvision" the company before the raids on it.
    const titleEnd = start + index.titleLen[doc]!;
    const trackHits = groups.length > 1;
    for (let i = start; i < end; i++) {
      const token = tokens[i]!;
      if ((queryBits[token >>> 5]! & (1 << (token & 31))) === 0) continue;
      const s = slot[token]!;
      if (s === 0) continue;
      for (let k = s - 1; k !== -1; k = slotNext[k]!) {
        slotTf[k] = slotTf[k]! + (i < titleEnd ? 2 : 1);
        if (trackHits && hitCount < MAX_HITS_TRACKED) {
          hitPositions[hitCount] = i - start;
          hitGroups[hitCount++] = slotGroups[k]!;
        }
      }
    }
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const seq = group.sequence;
      if (!seq) continue;
      if (group.impossible) return 0;
      const base = this.phraseBase[g]!;
      const mask = this.phraseMask;
      for (let i = start; i + seq.length <= end; i++) {
        const token = tokens[i]!;
        if ((queryBits[token >>> 5]! & (1 << (token & 31))) === 0) continue;
        let k = 0;
        while (k < seq.length && (mask[tokens[i + k]!]! >>> (base + k)) & 1) k++;
        if (k === seq.length) {
          tf[g] = tf[g]! + 1;
          if (trackHits && hitCount < MAX_HITS_TRACKED) {
            hitPositions[hitCount] = i - start;
            hitGroups[hitCount++] = g;
          }
        }
      }
    }
    const kind = index.kind[doc]!;
    const average = index.lengthByKind[kind]! / Math.max(1, index.liveByKind[kind]!);
    const norm = K1 * (1 - B + (B * length) / Math.max(1, average));
    // A group scores as its best-matching alternative (the word, a form, a completion, a near
    // spelling), weighted: so a list's next posting bounds every unread document of it (candidates.ts).
    for (let k = 0; k < slotTf.length; k++) {
      const f = slotTf[k]!;
      if (f === 0) continue;
      const g = slotGroups[k]!;
      const value = slotWeights[k]! * bm25(1, f, norm);
      if (value > tf[g]!) tf[g] = value;
    }
    let score = 0;
    for (let g = 0; g < groups.length; g++) {
      const f = tf[g]!;
      const group = groups[g]!;
      let groupScore = group.sequence ? (f > 0 ? bm25(group.idf, f, norm) : 0) : f * group.idf;
      if (group.entityIds.length > 0) {
        const count = this.mentionCount(doc, group);
        if (count > 0) groupScore = Math.max(groupScore, ENTITY_WEIGHT * bm25(group.entityIdf, count, norm));
      }
      if (groupScore <= 0) return 0;
      score += groupScore;
    }
    if (trackHits) score += proximityBonus(this.proximity(hitCount), this.idfSum);
    if (index.boost[doc]) score *= HEADING_BOOST;
    if (score <= 0) return 0;
    // The entity the words name (by name or alias) leads the entities it merely appears in.
    const small = kind === 2 ? index.small.get(doc) : undefined;
    if (small) {
      const entity = index.entityIndex.get(small.ref);
      if (entity !== undefined && groups.every((g) => g.entityIds.includes(entity))) score = score * 3 + 10;
    }
    return score;
  }

  /** Whether the document holds the phrase of group `g` (prepared): the first match ends the scan. */
  hasPhrase(doc: number, g: number): boolean {
    const index = this.index;
    const tokens = index.chunks[index.tokChunk[doc]!]!;
    const start = index.tokStart[doc]!;
    const end = start + index.tokLen[doc]!;
    const seq = this.groups[g]!.sequence!;
    const base = this.phraseBase[g]!;
    const mask = this.phraseMask;
    const n = seq.length;
    const queryBits = this.queryBits;
    for (let i = start; i + n <= end; i++) {
      const token = tokens[i]!;
      if ((queryBits[token >>> 5]! & (1 << (token & 31))) === 0) continue;
      let k = 0;
      while (k < n && (mask[tokens[i + k]!]! >>> (base + k)) & 1) k++;
      if (k === n) return true;
    }
    return false;
  }

  /** Mentions in the document of the group's entities. */
  private mentionCount(doc: number, group: Group): number {
    const index = this.index;
    const start = index.mentionStart[doc]!;
    let count = 0;
    for (let i = start; i < start + index.mentionLen[doc]!; i++) if (group.entityIds.includes(index.mentionEntities[i]!)) count++;
    return count;
  }

  /** Smallest window of positions holding every word: 1 when adjacent, falling fast as they spread. */
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
    return proximityOf(needed, best, groupCount);
  }
}

/**
 * The proximity share of `needed` of the query's `groupCount` words found together in a window of
 * `window` positions: 1 when every word stands side by side. It grows with `needed` and falls as
 * the window widens, so a larger set of words in a smaller window bounds it (candidates.ts).
 */
export function proximityOf(needed: number, window: number, groupCount: number): number {
  const closeness = needed / Math.max(needed, window);
  return closeness * closeness * (needed / groupCount);
}

/** What proximity adds to a score at most, for `proximityOf`'s share. */
export function proximityBonus(share: number, idfSum: number): number {
  return PROXIMITY_WEIGHT * idfSum * share;
}

export function bm25(idf: number, f: number, norm: number): number {
  return (idf * (f * (K1 + 1))) / (f + norm);
}

/** Where scored documents go: the best k, or all of them. */
export interface Collector {
  readonly floor: number;
  push(id: number, score: number): void;
}

/** Every scored document (batch search and saved searches count them all). */
export class CollectAll implements Collector {
  readonly ids: number[] = [];
  readonly floor = -Infinity;
  push(id: number): void {
    this.ids.push(id);
  }
}

/** The best `limit` of scored documents, best first (ties: lower document number first). */
export class TopK implements Collector {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(readonly limit: number) {}
  /** The score a newcomer must beat once full. */
  get floor(): number {
    return this.ids.length < this.limit ? -Infinity : this.scores[this.scores.length - 1]!;
  }
  push(id: number, score: number): void {
    if (this.limit === 0) return;
    if (this.ids.length === this.limit) {
      const last = this.limit - 1;
      if (score < this.scores[last]! || (score === this.scores[last] && id > this.ids[last]!)) return;
      this.ids.pop();
      this.scores.pop();
    }
    let at = this.ids.length;
    while (at > 0 && (this.scores[at - 1]! < score || (this.scores[at - 1] === score && this.ids[at - 1]! > id))) at--;
    this.ids.splice(at, 0, id);
    this.scores.splice(at, 0, score);
  }
  list(): { id: number; score: number }[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i]! }));
  }
}
