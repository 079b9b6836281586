import type { SearchFilters, SearchGroup, SearchKind, SearchResponse, SourceCount } from '../../../shared/search';
import { SEARCH_KINDS } from '../../../shared/search';
import { PassageCandidates } from './candidates';
import { filterEntityIds, resolveFilters } from './filters';
import { buildGroups } from './groups';
import { buildPassageHit, buildSmallHit, loneCharacters, markedEntityIds, wantedIds } from './hits';
import { parseQuery, type ParsedQuery } from './query';
import { CollectAll, Ranker, TopK } from './rank';
import { type Group, type IndexData, type PassageReader, type QueryOptions } from './types';

interface Machinery {
  ranker: Ranker;
  passages: PassageCandidates;
}
const machinery = new WeakMap<IndexData, Machinery>();

function machineryOf(index: IndexData): Machinery {
  let m = machinery.get(index);
  if (!m) {
    const ranker = new Ranker(index);
    m = { ranker, passages: new PassageCandidates(index, ranker) };
    machinery.set(index, m);
  }
  return m;
}

/** Sources, entities and notes holding the cheapest group's words, or a phrase's rarest word (FlexSearch), ranked in full. */
function smallCandidates(
  index: IndexData & { smallIndex: { documents(term: string): number[] }; smallDf: { data: Uint32Array } },
  groups: Group[],
): Set<number> {
  let best: Set<number> | null = null;
  const holding = (ids: Iterable<number>, entityIds: number[]) => {
    const found = new Set<number>();
    for (const id of ids) {
      if (!index.smallDf.data[id]) continue;
      for (const doc of index.smallIndex.documents(index.vocabulary.terms[id]!)) found.add(doc);
    }
    for (const e of entityIds) {
      const doc = index.entityDoc.get(e);
      if (doc !== undefined) found.add(doc);
    }
    return found;
  };
  for (const group of groups) {
    // A phrase's documents hold every one of its words: the documents all its words share.
    let found = group.sequence
      ? sharedByAll(group.sequence.map((forms) => holding(forms, [])))
      : holding(group.alternatives.keys(), group.entityIds);
    // A phrase naming an entity also holds the entity's own document.
    if (group.sequence && group.entityIds.length > 0) found = new Set([...found, ...holding([], group.entityIds)]);
    if (!best || found.size < best.size) best = found;
  }
  return best ?? new Set();
}

/** The members every set holds. */
function sharedByAll(sets: Set<number>[]): Set<number> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  const shared = new Set<number>();
  for (const id of smallest) if (rest.every((set) => set.has(id))) shared.add(id);
  return shared;
}

function effectiveFilters(parsed: ParsedQuery): SearchFilters {
  const f = parsed.filters;
  const out: SearchFilters = {};
  if (f.entity.length) out.entity = f.entity;
  if (f.source.length) out.source = f.source;
  if (f.type.length) out.type = f.type;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.undated) out.undated = f.undated;
  return out;
}

export function runQuery(
  index: IndexData & { readPassages: PassageReader; smallIndex: { documents(term: string): number[] }; smallDf: { data: Uint32Array } },
  input: string,
  options: QueryOptions,
): SearchResponse {
  const started = performance.now();
  const limit = options.limit ?? 10;
  const parsed = parseQuery(input, options.filters);
  const problems = [...parsed.problems];
  const notices: string[] = [];
  const kinds = new Set(options.kinds ?? SEARCH_KINDS);
  const allowed = resolveFilters(index, parsed, problems);
  const groups = buildGroups(index, parsed);
  const tops = new Map<SearchKind, TopK>(SEARCH_KINDS.map((k) => [k, new TopK(limit)]));
  const totals = new Map<SearchKind, number>(SEARCH_KINDS.map((k) => [k, 0]));
  const { ranker, passages } = machineryOf(index);
  const all = options.perSource && kinds.has('passage') ? new CollectAll() : null;

  if (allowed !== 'none') {
    if (groups.length === 0) {
      // Filters alone: the allowed documents in order.
      if (allowed.passages && kinds.has('passage')) {
        for (const doc of allowed.passages) tops.get('passage')!.push(doc, 0);
        if (all) for (const doc of allowed.passages) all.push(doc);
        totals.set('passage', allowed.passages.length);
      }
      for (const doc of allowed.small ?? []) {
        const small = index.small.get(doc);
        if (small && kinds.has(small.kind) && index.live[doc]) {
          tops.get(small.kind)!.push(doc, 0);
          totals.set(small.kind, totals.get(small.kind)! + 1);
        }
      }
    } else {
      ranker.prepare(groups);
      try {
        if (kinds.has('passage')) {
          totals.set('passage', passages.run(groups, allowed.passages, tops.get('passage')!));
          if (all) passages.run(groups, allowed.passages, all);
          if (allowed.undatedPassages.length > 0) {
            const left = passages.run(groups, allowed.undatedPassages, new TopK(0));
            if (left > 0) notices.push(undatedNotice(left, allowed.undatedSources));
          }
        }
        if (SEARCH_KINDS.some((k) => k !== 'passage' && kinds.has(k))) {
          // (A phrase naming an entity may match through it instead: scoring decides.)
          const phraseGroups = groups.flatMap((g, i) => (g.sequence && !g.impossible && g.entityIds.length === 0 ? [i] : []));
          for (const doc of smallCandidates(index, groups)) {
            const small = index.small.get(doc);
            if (!small || !kinds.has(small.kind) || !index.live[doc]) continue;
            if (allowed.small && !allowed.small.has(doc)) continue;
            // A phrase check stops at the first match, where scoring reads the document twice.
            if (phraseGroups.some((g) => !ranker.hasPhrase(doc, g))) continue;
            const score = ranker.score(doc);
            if (score > 0) {
              tops.get(small.kind)!.push(doc, score);
              totals.set(small.kind, totals.get(small.kind)! + 1);
            }
          }
        }
      } finally {
        ranker.release();
      }
    }
  }

  const entityFilter = allowed !== 'none' && allowed.passages ? filterEntityIds(index, parsed) : [];
  const passageTop = tops.get('passage')!.list();
  // Mentions are read only to mark the entities the query or a filter names.
  const withMentions = entityFilter.length > 0 || groups.some((g) => g.entityIds.length > 0);
  const views =
    passageTop.length > 0
      ? index.readPassages(
          passageTop.map((t) => index.refOf[t.id]!),
          withMentions,
        )
      : new Map();
  const wanted = wantedIds(index, groups);
  const marked = markedEntityIds(index, groups, entityFilter);
  const lone = loneCharacters(groups);
  const result: SearchGroup[] = [];
  for (const kind of SEARCH_KINDS) {
    const total = totals.get(kind)!;
    if (!kinds.has(kind) || total === 0) continue;
    const top = kind === 'passage' ? passageTop : tops.get(kind)!.list();
    const hits = top.flatMap((scored) => {
      if (kind !== 'passage') return [buildSmallHit(index, scored, wanted)];
      const view = views.get(index.refOf[scored.id]!);
      return view ? [buildPassageHit(index, scored, view, groups, entityFilter, wanted, marked, lone)] : [];
    });
    result.push({ kind, total, hits });
  }

  const response: SearchResponse = { query: input, groups: result, problems, notices, filters: effectiveFilters(parsed), tookMs: 0 };
  if (all) response.perSource = countBySource(index, all.ids);
  response.tookMs = performance.now() - started;
  return response;
}

function countBySource(index: IndexData, docs: number[]): SourceCount[] {
  const counts = new Map<number, number>();
  for (const doc of docs) counts.set(index.sourceOf[doc]!, (counts.get(index.sourceOf[doc]!) ?? 0) + 1);
  return [...counts]
    .map(([idx, passages]) => ({ sourceId: index.sources[idx]!.id, title: index.sources[idx]!.title, passages }))
    .sort((a, b) => b.passages - a.passages || a.sourceId.localeCompare(b.sourceId));
}

function undatedNotice(passages: number, sources: number): string {
  const p = passages === 1 ? '1 matching passage' : `${passages} matching passages`;
  const s = sources === 1 ? '1 undated source' : `${sources} undated sources`;
  return `${p} in ${s} left out by the date range; add undated:include to show them.`;
}
