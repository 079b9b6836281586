import { aliasKey } from './groups';
import { withinDates, type ParsedQuery } from './query';
import { foldedWords } from './text';
import type { IndexData } from './types';

export function resolveEntity(index: IndexData, ref: string): string | undefined {
  if (index.entityDocs.has(ref)) return ref;
  const matches = index.aliasIndex.get(aliasKey(ref));
  return matches && matches.size > 0 ? [...matches][0] : undefined;
}

export function filterEntityIds(index: IndexData, parsed: ParsedQuery): string[] {
  return parsed.filters.entity.map((ref) => resolveEntity(index, ref)).filter((id): id is string => !!id);
}

function resolveSource(index: IndexData, ref: string): string[] {
  if (index.sourceDocs.has(ref)) return [ref];
  const wanted = foldedWords(ref).join(' ');
  const found: string[] = [];
  for (const [sourceId, id] of index.sourceDocs) if (foldedWords(index.docs[id]!.title).join(' ').includes(wanted)) found.push(sourceId);
  return found;
}

function resolveSourceSet(index: IndexData, refs: string[]): Set<string> {
  return new Set(refs.flatMap((ref) => resolveSource(index, ref)));
}

/**
 * The documents filters allow: null when there are no filters, 'none' when a filter names
 * nothing that exists (the problem says which). Filters are evaluated before the words, so
 * a filter with a handful of passages never depends on FlexSearch's candidate order.
 */
export function resolveFilters(index: IndexData, parsed: ParsedQuery, problems: string[]): Set<number> | null | 'none' {
  const f = parsed.filters;
  if (f.entity.length === 0 && f.source.length === 0 && f.type.length === 0 && !f.from && !f.to) return null;
  let passages: Set<number> | null = null;
  const narrow = (next: Set<number>) => {
    passages = passages === null ? next : new Set([...passages].filter((id) => next.has(id)));
  };
  const entityIds: string[] = [];
  for (const ref of f.entity) {
    const entityId = resolveEntity(index, ref);
    if (!entityId) {
      problems.push(`entity:${ref} names no entity in this notebook.`);
      return 'none';
    }
    entityIds.push(entityId);
    narrow(index.entityPassages.get(entityId) ?? new Set());
  }
  if (f.source.length > 0) {
    const sourceIds = f.source.flatMap((ref) => {
      const found = resolveSource(index, ref);
      if (found.length === 0) problems.push(`source:${ref} names no source in this notebook.`);
      return found;
    });
    if (sourceIds.length === 0) return 'none';
    narrow(new Set(sourceIds.flatMap((s) => [...(index.sourcePassages.get(s) ?? [])])));
  }
  const types = new Set(f.type);
  if (types.size > 0) {
    const ofType = new Set<number>();
    for (const [entityId, docId] of index.entityDocs) {
      if (types.has(index.docs[docId]!.entityType!)) for (const id of index.entityPassages.get(entityId) ?? []) ofType.add(id);
    }
    narrow(ofType);
  }
  if (f.from || f.to) {
    const dated = new Set<number>();
    for (const [sourceId, ids] of index.sourcePassages) {
      const sourceDoc = index.sourceDocs.get(sourceId);
      if (sourceDoc !== undefined && withinDates(index.docs[sourceDoc]!.issued, f.from, f.to)) for (const id of ids) dated.add(id);
    }
    narrow(dated);
  }
  const allowed = new Set<number>(passages ?? []);
  const passageFilters = f.entity.length > 0 || f.type.length > 0;
  // Sources and entities pass the filters that make sense for them.
  if (!passageFilters) {
    const sourceSet = f.source.length > 0 ? resolveSourceSet(index, f.source) : null;
    for (const [sourceId, id] of index.sourceDocs) {
      if ((!sourceSet || sourceSet.has(sourceId)) && withinDates(index.docs[id]!.issued, f.from, f.to)) allowed.add(id);
    }
  }
  if (f.source.length === 0 && !f.from && !f.to) {
    for (const [entityId, id] of index.entityDocs) {
      const doc = index.docs[id]!;
      if ((types.size === 0 || types.has(doc.entityType!)) && (entityIds.length === 0 || entityIds.includes(entityId))) allowed.add(id);
    }
  }
  return allowed;
}
