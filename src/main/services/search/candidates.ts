import { groupCost } from './groups';
import type { Group, IndexData } from './types';

/** Candidates scored per query; beyond it FlexSearch's own order decides which are looked at. */
const MAX_CANDIDATES = 1500;
/** Of those, how many may come from completions and near spellings of a word. */
const EXPANSION_BUDGET = 500;

/** Which documents a query scores: those of its rarest word (or entity, or the filter set when smaller). */
export class CandidatePicker {
  private seen = new Uint32Array(1024);
  private stamp = 0;

  /** `postings` asks FlexSearch for up to `limit` documents holding a term, in its own order. */
  constructor(
    private readonly index: IndexData,
    private readonly postings: (term: string, limit: number) => number[],
  ) {}

  pick(groups: Group[], allowed: Set<number> | null): Iterable<number> {
    const costs = groups.map((g) => groupCost(this.index, g));
    const rarest = groups[costs.indexOf(Math.min(...costs))]!;
    if (allowed && allowed.size <= Math.min(...costs)) return allowed;
    const found: number[] = [];
    // A stamp per query marks seen documents without allocating a set.
    if (this.seen.length < this.index.docs.length) this.seen = new Uint32Array(this.index.docs.length * 2);
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
      this.postings(this.index.vocabulary.terms[termId]!, allowed ? MAX_CANDIDATES : Math.max(1, Math.min(MAX_CANDIDATES, budget)));
    if (rarest.sequence) {
      // A phrase's rarest term is enough: every match contains it.
      const rarestTerm = rarest.sequence.reduce((a, b) =>
        this.index.vocabulary.frequency(a) <= this.index.vocabulary.frequency(b) ? a : b,
      );
      if (rarestTerm >= 0) take(postings(rarestTerm), MAX_CANDIDATES);
      return found;
    }
    // The typed word and the entity it names first; completions and near spellings share a
    // smaller budget, rarest first, since they score lower anyway.
    const alternatives = [...rarest.alternatives.entries()];
    for (const [termId, weight] of alternatives) if (weight === 1) take(postings(termId), MAX_CANDIDATES);
    for (const entityId of rarest.entityIds) take(this.index.entityPassages.get(entityId) ?? [], MAX_CANDIDATES);
    const weaker = alternatives
      .filter(([, w]) => w < 1)
      .sort((a, b) => this.index.vocabulary.frequency(a[0]) - this.index.vocabulary.frequency(b[0]));
    const budgetEnd = Math.min(MAX_CANDIDATES, found.length + EXPANSION_BUDGET);
    for (const [termId] of weaker) {
      if (found.length >= budgetEnd) break;
      take(postings(termId, budgetEnd - found.length), budgetEnd - found.length);
    }
    return found;
  }
}
