import type { Mention } from '../../../../shared/domain';

export interface Range {
  start: number;
  end: number;
}

/** Words some notes cite, and which notes, to mark in the reader. */
export interface CitedRange extends Range {
  notes: string[];
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  mention?: Mention;
  highlighted: boolean;
  /** The titles of the notes citing these words; absent where nothing cites them. */
  citedBy?: string[];
}

/**
 * Cuts a passage into runs at every mention and highlight boundary, so the view can wrap each run
 * in React elements: the text itself is never parsed as markup.
 */
export function segmentPassage(
  text: string,
  mentions: readonly Mention[],
  highlights: readonly Range[] = [],
  cited: readonly CitedRange[] = [],
): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...mentions, ...highlights, ...cited]) {
    cuts.add(clamp(r.start));
    cuts.add(clamp(r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const citedBy = [...new Set(cited.filter((c) => c.start <= start && end <= c.end).flatMap((c) => c.notes))];
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      mention: mentions.find((m) => m.start <= start && end <= m.end),
      highlighted: highlights.some((h) => h.start <= start && end <= h.end),
      ...(citedBy.length > 0 ? { citedBy } : {}),
    });
  }
  return segments;
}

/** Parses "12-30,41-45" from the URL into ranges; anything malformed is ignored, not guessed. */
export function parseRanges(value: string | null): Range[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => /^(\d+)-(\d+)$/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ start: Number(m[1]), end: Number(m[2]) }))
    .filter((r) => r.end > r.start);
}

export function formatRanges(ranges: readonly Range[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join(',');
}
