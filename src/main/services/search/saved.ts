import type { EventHub } from '../events';
import type { Store } from '../store/store';
import { ApiError } from '../../../shared/errors';
import type { BatchResult, SavedSearch, SavedSearchMatch, SearchFilters } from '../../../shared/search';
import type { SearchService } from './service';
import { SearchFiltersInput } from '../../../shared/contract/search';
import { decodeJson } from '../store/repositories/decode';
import { nodeCrypto } from '../nodeCrypto';

interface Row {
  id: string;
  query: string;
  filters: string;
  created_at: string;
  last_matched_at: string | null;
  last_new_passages: number;
}

const toSaved = (r: Row): SavedSearch => ({
  id: r.id,
  query: r.query,
  filters: decodeJson(SearchFiltersInput(), r.filters, `the filters of saved search ${r.id}`) as SearchFilters,
  createdAt: r.created_at,
  lastMatchedAt: r.last_matched_at,
  lastNewPassages: r.last_new_passages,
});

/** Filters as stored: keys in one order and empty ones left out, so the same search is saved once. */
function canonical(filters: SearchFilters = {}): string {
  const out: Record<string, unknown> = {};
  for (const key of ['entity', 'source', 'type', 'from', 'to', 'undated'] as const) {
    const value = filters[key];
    if (Array.isArray(value) ? value.length > 0 : value) out[key] = value;
  }
  return JSON.stringify(out);
}

/**
 * Saved searches (migration 0005) and batch search, over the search service. After every import
 * the saved searches run again on the imported sources alone: what they find is new.
 */
export function createSavedSearches(deps: { store: Store; search: SearchService; events: EventHub }) {
  const { store, search, events } = deps;
  const db = store.db;
  const hasTable = () => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'saved_search'`).get();
  const list = (): SavedSearch[] =>
    hasTable() ? (db.prepare(`SELECT * FROM saved_search ORDER BY created_at DESC, id`).all() as Row[]).map(toSaved) : [];

  return {
    list,
    save(query: string, filters?: SearchFilters): SavedSearch {
      const json = canonical(filters);
      const existing = db.prepare(`SELECT * FROM saved_search WHERE query = ? AND filters = ?`).get(query, json) as Row | undefined;
      if (existing) return toSaved(existing);
      const row: Row = {
        id: nodeCrypto().randomUUID(),
        query,
        filters: json,
        created_at: new Date().toISOString(),
        last_matched_at: null,
        last_new_passages: 0,
      };
      store.write('Saving the search', () =>
        db
          .prepare(`INSERT INTO saved_search (id, query, filters, created_at) VALUES (?, ?, ?, ?)`)
          .run(row.id, row.query, row.filters, row.created_at),
      );
      return toSaved(row);
    },
    remove(id: string): { removed: boolean } {
      const result = store.write('Removing the saved search', () => db.prepare(`DELETE FROM saved_search WHERE id = ?`).run(id));
      return { removed: result.changes > 0 };
    },

    /** Runs every saved search on just these (freshly imported) sources; records and announces what matched. */
    async matchSources(sourceIds: string[]): Promise<SavedSearchMatch[]> {
      if (sourceIds.length === 0) return [];
      const wanted = new Set(sourceIds);
      const matches: SavedSearchMatch[] = [];
      for (const saved of list()) {
        const response = await search.query(saved.query, { limit: 1, kinds: ['passage'], filters: saved.filters, perSource: true });
        const sources = (response.perSource ?? []).filter((s) => wanted.has(s.sourceId));
        const newPassages = sources.reduce((sum, s) => sum + s.passages, 0);
        if (newPassages > 0) matches.push({ savedSearchId: saved.id, query: saved.query, newPassages, sources });
      }
      if (matches.length > 0) {
        const now = new Date().toISOString();
        store.write('Recording saved search matches', () => {
          const update = db.prepare(`UPDATE saved_search SET last_matched_at = ?, last_new_passages = ? WHERE id = ?`);
          for (const m of matches) update.run(now, m.newPassages, m.savedSearchId);
        });
        events.emit('savedSearchMatches', { sourceIds, matches });
      }
      return matches;
    },

    /** Each term on its own, its passages counted by source. */
    async batch(terms: string[], filters?: SearchFilters): Promise<BatchResult> {
      const started = performance.now();
      const cleaned = terms.map((t) => t.trim()).filter((t) => t.length > 0);
      if (cleaned.length === 0)
        throw new ApiError('invalid_input', 'The list has no terms: give one term per line, or a CSV whose first column holds them.');
      const rows = [];
      for (const term of cleaned) {
        // A term is searched whole: a trailing space keeps its last word from counting as a prefix.
        const response = await search.query(`${term} `, { limit: 1, kinds: ['passage'], perSource: true, ...(filters ? { filters } : {}) });
        const sources = response.perSource ?? [];
        rows.push({ term, total: sources.reduce((sum, s) => sum + s.passages, 0), sources, problems: response.problems });
      }
      return { rows, tookMs: performance.now() - started };
    },
  };
}

export type SavedSearches = ReturnType<typeof createSavedSearches>;
