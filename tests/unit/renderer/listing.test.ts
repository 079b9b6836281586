import { describe, expect, it } from 'vitest';
import type { EntitySummary, SourceSummary } from '../../../src/shared/domain';
import type { NoteSummary } from '../../../src/shared/notes';
import { dateKey, listSources, tagCounts } from '../../../src/renderer/src/features/library/listing';
import { listNotes } from '../../../src/renderer/src/features/notes/listing';
import { listEntities } from '../../../src/renderer/src/features/entities/listing';
import { emptySourceMetadata } from '../../../src/shared/sourceMetadata';

const source = (id: string, title: string | null, issued: string | null, tags: string[] = [], passageCount = 1): SourceSummary => ({
  id,
  kind: 'import',
  metadata: { ...emptySourceMetadata(), title, issued },
  passageCount,
  mentionCount: 0,
  versionId: `v-${id}`,
  sha256: '0'.repeat(64),
  fileName: null,
  tags,
  addedAt: `2026-01-0${id.length % 9}T00:00:00Z`,
  deletedAt: null,
});

describe('the library list', () => {
  it('reads publication dates as people write them', () => {
    expect(dateKey('2024-12-15')).toBe('2024-12-15');
    expect(dateKey('2021-03')).toBe('2021-03');
    expect(dateKey('March 3, 2020')).toBe('2020-03-03');
    expect(dateKey('Spring 2019')).toMatch(/^2019/);
    expect(dateKey('n.d.')).toBeNull();
    expect(dateKey(null)).toBeNull();
  });

  it('sorts by date either way with the undated last, filters by words and tag', () => {
    const all = [
      source('a', 'Zebra report', '2020-01-01', ['Field']),
      source('b', 'alpha memo', null, ['field', 'x']),
      source('c', 'Beta brief', 'March 3, 2022'),
    ];
    const base = { sort: 'date' as const, descending: false, filter: '', only: '' };
    expect(listSources(all, base).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(listSources(all, { ...base, descending: true }).map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(listSources(all, { ...base, sort: 'title' }).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(listSources(all, { ...base, only: 'FIELD' }).map((s) => s.id)).toEqual(['a', 'b']);
    // A kept tag no listed source carries (the menu then says "All tags") hides nothing.
    expect(listSources(all, { ...base, only: 'nowhere' }).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(listSources(all, { ...base, filter: 'memo x' }).map((s) => s.id)).toEqual(['b']);
    expect(tagCounts(all)).toEqual([
      { tag: 'Field', count: 2 },
      { tag: 'x', count: 1 },
    ]);
  });
});

describe('the notes and entities lists', () => {
  const note = (id: string, title: string, updatedAt: string, citationCount: number, excerpt = '', tags: string[] = []): NoteSummary => ({
    id,
    title,
    updatedAt,
    createdAt: updatedAt,
    tags,
    deletedAt: null,
    saveCount: 1,
    citationCount,
    reviewCount: 0,
    excerpt,
  });

  it('sorts notes by any column both ways and filters by title, text or tag', () => {
    const all = [
      note('1', 'b', '2026-01-02', 3, 'about the MSS'),
      note('2', 'a', '2026-01-03', 0, '', ['todo']),
      note('3', 'c', '2026-01-01', 1),
    ];
    const base = { sort: 'updated' as const, descending: true, filter: '', only: '' };
    expect(listNotes(all, base).map((n) => n.id)).toEqual(['2', '1', '3']);
    expect(listNotes(all, { ...base, sort: 'citations' }).map((n) => n.id)).toEqual(['1', '3', '2']);
    expect(listNotes(all, { ...base, sort: 'title', descending: false }).map((n) => n.id)).toEqual(['2', '1', '3']);
    expect(listNotes(all, { ...base, filter: 'mss' }).map((n) => n.id)).toEqual(['1']);
    expect(listNotes(all, { ...base, only: 'todo' }).map((n) => n.id)).toEqual(['2']);
  });

  it('sorts entities both ways, the undated last either way', () => {
    const entity = (id: string, name: string, mentionCount: number, date: string | null): EntitySummary =>
      ({ id, name, type: 'event', aliases: [], description: '', date, mentionCount, sourceCount: 1 }) as unknown as EntitySummary;
    const all = [entity('x', 'X', 5, null), entity('y', 'Y', 1, '2001'), entity('z', 'Z', 9, '1999')];
    const base = { sort: 'date' as const, descending: false, filter: '', only: '', minSources: 0 };
    expect(listEntities(all, base).map((e) => e.id)).toEqual(['z', 'y', 'x']);
    expect(listEntities(all, { ...base, descending: true }).map((e) => e.id)).toEqual(['y', 'z', 'x']);
    expect(listEntities(all, { ...base, sort: 'mentions', descending: true }).map((e) => e.id)).toEqual(['z', 'x', 'y']);
  });
});
