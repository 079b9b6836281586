import { aliasKey } from './groups';
import type { ParsedQuery } from './query';
import { withinDates } from './query';
import { foldedWords } from './text';
import { KIND_PASSAGE, type IndexData } from './types';

export interface Allowed {
  /** Passages the filters allow, or null when no filter restricts passages. */
  passages: number[] | null;
  /** Sources, entities and notes the filters allow (null: all). */
  small: Set<number> | null;
  /** Passages left out only because their source has no date, for the notice. */
  undatedPassages: number[];
  undatedSources: number;
}

export function resolveEntity(index: IndexData, ref: string): string | undefined {
  if (index.entityDoc.has(index.entityIndex.get(ref) ?? -1)) return ref;
  const matches = index.aliasIndex.get(aliasKey(ref));
  return matches && matches.size > 0 ? [...matches][0] : undefined;
}

export function filterEntityIds(index: IndexData, parsed: ParsedQuery): number[] {
  return parsed.filters.entity
    .map((ref) => resolveEntity(index, ref))
    .map((id) => (id === undefined ? undefined : index.entityIndex.get(id)))
    .filter((id): id is number => id !== undefined);
}

function resolveSource(index: IndexData, ref: string): number[] {
  const direct = index.sourceIndex.get(ref);
  if (direct !== undefined && index.sourceDoc.has(direct)) return [direct];
  const wanted = foldedWords(ref).join(' ');
  const found: number[] = [];
  for (const idx of index.sourceDoc.keys()) if (foldedWords(index.sources[idx]!.title).join(' ').includes(wanted)) found.push(idx);
  return found;
}

function livePassagesOf(index: IndexData, entity: number): number[] {
  const out: number[] = [];
  const p = index.entityPostings;
  for (let i = p.start(entity); i < p.end(entity); i++) if (index.live[p.docs[i]!]) out.push(p.docs[i]!);
  for (const doc of p.delta.get(entity) ?? []) if (index.live[doc]) out.push(doc);
  return out;
}

function intersect(a: number[] | null, b: number[]): number[] {
  if (a === null) return b;
  const set = new Set(b);
  return a.filter((doc) => set.has(doc));
}

/**
 * The documents filters allow; 'none' when a filter names nothing that exists (the problem says
 * which). A date range leaves undated sources out unless `undated:include`; the passages that
 * left out are counted so the response can say so instead of silently dropping them.
 */
export function resolveFilters(index: IndexData, parsed: ParsedQuery, problems: string[]): Allowed | 'none' {
  const f = parsed.filters;
  const none: Allowed = { passages: null, small: null, undatedPassages: [], undatedSources: 0 };
  if (f.entity.length === 0 && f.source.length === 0 && f.type.length === 0 && !f.from && !f.to) return none;
  let passages: number[] | null = null;
  const entityIds: string[] = [];
  for (const ref of f.entity) {
    const entityId = resolveEntity(index, ref);
    if (!entityId) {
      problems.push(`entity:${ref} names no entity in this notebook.`);
      return 'none';
    }
    entityIds.push(entityId);
    passages = intersect(passages, livePassagesOf(index, index.entityIndex.get(entityId)!));
  }
  let sourceSet: Set<number> | null = null;
  if (f.source.length > 0) {
    const sourceIdx = f.source.flatMap((ref) => {
      const found = resolveSource(index, ref);
      if (found.length === 0) problems.push(`source:${ref} names no source in this notebook.`);
      return found;
    });
    if (sourceIdx.length === 0) return 'none';
    sourceSet = new Set(sourceIdx);
    passages = intersect(
      passages,
      sourceIdx.flatMap((s) => (index.sourcePassages.get(s) ?? []).filter((doc) => index.live[doc])),
    );
  }
  const types = new Set(f.type);
  if (types.size > 0) {
    const ofType = new Set<number>();
    for (const [idx] of index.entityDoc) {
      if (types.has(index.entities[idx]!.type)) for (const doc of livePassagesOf(index, idx)) ofType.add(doc);
    }
    passages = intersect(passages, [...ofType]);
  }
  const undatedPassages: number[] = [];
  let undatedSources = 0;
  if (f.from || f.to) {
    const dated: number[] = [];
    const includeUndated = f.undated === 'include';
    const inRange = (idx: number) => withinDates(index.sources[idx]!.issued, f.from, f.to);
    if (passages === null) {
      for (const [idx, docs] of index.sourcePassages) {
        const undated = !index.sources[idx]!.issued;
        if (inRange(idx) || (undated && includeUndated)) for (const doc of docs) dated.push(doc);
        else if (undated) {
          undatedSources++;
          for (const doc of docs) undatedPassages.push(doc);
        }
      }
      passages = dated.filter((doc) => index.live[doc]);
    } else {
      const undatedSeen = new Set<number>();
      passages = passages.filter((doc) => {
        const idx = index.sourceOf[doc]!;
        if (inRange(idx)) return true;
        if (index.sources[idx]!.issued) return false;
        if (includeUndated) return true;
        undatedSeen.add(idx);
        undatedPassages.push(doc);
        return false;
      });
      undatedSources = undatedSeen.size;
    }
  }
  const small = new Set<number>();
  const passageFilters = f.entity.length > 0 || f.type.length > 0;
  // Sources and entities pass the filters that make sense for them.
  if (!passageFilters) {
    for (const [idx, doc] of index.sourceDoc) {
      const issued = index.sources[idx]!.issued;
      const datedOk = withinDates(issued, f.from, f.to) || (!issued && f.undated === 'include');
      if ((!sourceSet || sourceSet.has(idx)) && datedOk) small.add(doc);
    }
  }
  if (f.source.length === 0 && !f.from && !f.to) {
    for (const [idx, doc] of index.entityDoc) {
      const entity = index.entities[idx]!;
      if ((types.size === 0 || types.has(entity.type)) && (entityIds.length === 0 || entityIds.includes(entity.id))) small.add(doc);
    }
  }
  return { passages: passages ?? [], small, undatedPassages: undatedPassages.filter((doc) => index.live[doc]), undatedSources };
}

export function isPassage(index: IndexData, doc: number): boolean {
  return index.kind[doc] === KIND_PASSAGE;
}
