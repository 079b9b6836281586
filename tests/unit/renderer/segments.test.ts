import { describe, expect, it } from 'vitest';
import { formatRanges, parseRanges, segmentPassage } from '../../../src/renderer/src/features/reader/segments';
import { parseRoute, routeHref, withQuery } from '../../../src/renderer/src/app/route';
import type { Mention } from '../../../src/shared/domain';

const mention = (start: number, end: number, entityId = 'mss'): Mention => ({
  id: start,
  entityId,
  entityType: 'organization',
  entityName: 'MSS',
  start,
  end,
  surface: '',
  origin: 'linked',
  method: 'alias',
  confidence: 0.9,
});

describe('segmentPassage', () => {
  it('cuts at mentions and highlights and keeps every character once', () => {
    const text = 'The MSS is run by Chen Wenqing.';
    const segments = segmentPassage(text, [mention(4, 7), mention(18, 30, 'chen')], [{ start: 0, end: 7 }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.find((s) => s.text === 'MSS')).toMatchObject({ highlighted: true, mention: { entityId: 'mss' } });
    expect(segments.find((s) => s.text === 'The ')).toMatchObject({ highlighted: true, mention: undefined });
    expect(segments.find((s) => s.text === 'Chen Wenqing')).toMatchObject({ highlighted: false, mention: { entityId: 'chen' } });
  });

  it('keeps markup in source text as text', () => {
    const text = '<img src=x onerror=alert(1)> & <b>bold</b>';
    expect(
      segmentPassage(text, [])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('clamps ranges that run past the passage', () => {
    expect(segmentPassage('short', [], [{ start: 2, end: 99 }]).map((s) => [s.text, s.highlighted])).toEqual([
      ['sh', false],
      ['ort', true],
    ]);
  });
});

describe('ranges in the URL', () => {
  it('round-trips and ignores malformed parts', () => {
    expect(
      parseRanges(
        formatRanges([
          { start: 3, end: 9 },
          { start: 12, end: 15 },
        ]),
      ),
    ).toEqual([
      { start: 3, end: 9 },
      { start: 12, end: 15 },
    ]);
    expect(parseRanges('5-2,x-y,<script>,7-8')).toEqual([{ start: 7, end: 8 }]);
    expect(parseRanges(null)).toEqual([]);
  });
});

describe('routes', () => {
  it('parse views, params and query from the hash', () => {
    const route = parseRoute('#/source/seed-002/p-abc?entity=mss&hl=1-4');
    expect(route.view).toBe('source');
    expect(route.params).toEqual(['seed-002', 'p-abc']);
    expect(route.query.get('entity')).toBe('mss');
    expect(parseRoute('').view).toBe('library');
  });

  it('encode ids so they cannot break out of the hash', () => {
    const href = routeHref('source', ['a/b?c'], { hl: '1-2' });
    expect(href).toBe('#/source/a%2Fb%3Fc?hl=1-2');
    expect(parseRoute(href).params).toEqual(['a/b?c']);
    expect(withQuery(parseRoute(href), { entity: 'mss' })).toBe('#/source/a%2Fb%3Fc?hl=1-2&entity=mss');
  });
});

describe('cited words', () => {
  it('are marked with the titles of the notes citing them, overlaps included', () => {
    const text = 'The MSS is run by Chen Wenqing.';
    const segments = segmentPassage(
      text,
      [mention(4, 7)],
      [],
      [
        { start: 4, end: 14, notes: ['Leadership'] },
        { start: 11, end: 30, notes: ['People', 'Leadership'] },
      ],
    );
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.find((s) => s.text === 'MSS')).toMatchObject({ citedBy: ['Leadership'], mention: { entityId: 'mss' } });
    expect(segments.find((s) => s.text === 'run')).toMatchObject({ citedBy: ['Leadership', 'People'] });
    expect(segments.find((s) => s.text === 'The ')!.citedBy).toBeUndefined();
  });
});
