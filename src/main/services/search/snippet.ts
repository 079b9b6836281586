import type { HighlightRange, SearchSnippet } from '../../../shared/search';

/**
 * Cuts a window of about `width` characters around the densest cluster of matches, on word
 * boundaries, and re-bases the ranges onto it. The text stays text: the renderer builds marks
 * from the ranges, so markup inside a passage is shown, never interpreted.
 */
export function makeSnippet(text: string, ranges: readonly HighlightRange[], width = 180): SearchSnippet {
  return snippetOfMerged(text, mergeRanges(ranges), width);
}

/** makeSnippet for ranges already merged and in order (mergeRanges' output, which it does not keep). */
export function snippetOfMerged(text: string, sorted: readonly HighlightRange[], width = 180): SearchSnippet {
  if (text.length <= width)
    return { text, ranges: sorted.map((r) => ({ start: r.start, end: r.end })), clippedStart: false, clippedEnd: false };

  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < sorted.length; i++) {
    const windowEnd = sorted[i]!.start + width * 0.75;
    let count = 0;
    for (let j = i; j < sorted.length && sorted[j]!.end <= windowEnd; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = sorted[i]!.start;
    }
  }
  let start = Math.max(0, Math.min(bestStart - Math.floor(width / 4), text.length - width));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < bestStart ? space + 1 : start;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const clipped = sorted
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return { text: text.slice(start, end), ranges: clipped, clippedStart: start > 0, clippedEnd: end < text.length };
}

export function mergeRanges(ranges: readonly HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}
