import search from 'approx-string-match';

/**
 * Re-anchoring a quote in a changed text. The order follows the W3C selectors a citation stores:
 * the old position (TextPosition), then the exact words (TextQuote), then an approximate match of
 * the words scored with their context. Anything short of confident is returned as unsure, with the
 * best candidate as a suggestion: Hypothesis attaches silently to other words in that case
 * (hypothesis/h#2798, h#4328), and a citation that points at words it does not quote is worse
 * than one that says it needs review.
 */

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorOutcome =
  | { found: true; method: 'position' | 'quote' | 'fuzzy'; start: number; end: number; score: number; reason: string }
  | { found: false; score: number; suggestion?: { start: number; end: number; score: number }; reason: string };

/** Minimum combined score for an approximate match to move a citation. */
export const FUZZY_THRESHOLD = 0.8;
/** Minimum share of the quote's characters an approximate match must keep. */
export const FUZZY_MIN_QUOTE_SCORE = 0.8;
/** Context at least this similar says an occurrence is the one that was cited. */
export const CONTEXT_THRESHOLD = 0.5;
/** Two candidates closer than this are a coin toss, and a coin toss is a review. */
export const AMBIGUITY_MARGIN = 0.1;
/** Quotes this long are specific enough that one identical occurrence is the same words. */
const DISTINCTIVE_QUOTE_CHARS = 20;
/** Below this, an approximate match of the quote alone finds ordinary words everywhere. */
const MIN_FUZZY_QUOTE_CHARS = 8;
const MAX_OCCURRENCES = 500;

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function similarity(expected: string, actual: string): number {
  const longest = Math.max(expected.length, actual.length);
  return longest === 0 ? 1 : 1 - editDistance(expected, actual) / longest;
}

/** How well the text around [start, end) matches the stored prefix and suffix, 0..1. */
export function contextScore(text: string, quote: QuoteSelector, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const weight = quote.prefix.length + quote.suffix.length;
  if (weight === 0) return 1;
  return (similarity(quote.prefix, before) * quote.prefix.length + similarity(quote.suffix, after) * quote.suffix.length) / weight;
}

export function occurrences(text: string, exact: string, limit = MAX_OCCURRENCES): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < limit; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

interface Scored {
  start: number;
  end: number;
  context: number;
  score: number;
}

function byScoreThenNearest(oldStart: number) {
  return (a: Scored, b: Scored) => b.score - a.score || Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart);
}

function anchorExactQuote(text: string, quote: QuoteSelector, oldText: string | undefined): AnchorOutcome | undefined {
  const starts = occurrences(text, quote.exact);
  if (starts.length === 0) return undefined;
  const wasUnique = oldText === undefined || occurrences(oldText, quote.exact, 2).length <= 1;
  const scored = starts
    .map((start): Scored => {
      const context = contextScore(text, quote, start, start + quote.exact.length);
      return { start, end: start + quote.exact.length, context, score: context };
    })
    .sort(byScoreThenNearest(quote.start));
  const best = scored[0]!;
  const distinctive = quote.exact.length >= DISTINCTIVE_QUOTE_CHARS && wasUnique;
  if (scored.length === 1 && (distinctive || best.context >= CONTEXT_THRESHOLD)) {
    return {
      found: true,
      method: 'quote',
      start: best.start,
      end: best.end,
      score: Math.max(0.9, best.context),
      reason: 'The quoted words were found unchanged at a new position.',
    };
  }
  const runnerUp = scored[1];
  if (runnerUp && best.context >= CONTEXT_THRESHOLD && best.context - runnerUp.context >= AMBIGUITY_MARGIN) {
    return {
      found: true,
      method: 'quote',
      start: best.start,
      end: best.end,
      score: best.context,
      reason: `The quoted words occur ${scored.length} times; their context picked one.`,
    };
  }
  return {
    found: false,
    score: best.context,
    suggestion: { start: best.start, end: best.end, score: best.context },
    reason:
      scored.length > 1
        ? `The quoted words occur ${scored.length} times and their context does not tell which one was cited.`
        : 'The quoted words occur once, but not where the cited context was.',
  };
}

function anchorApproximately(text: string, quote: QuoteSelector): AnchorOutcome {
  if (quote.exact.length < MIN_FUZZY_QUOTE_CHARS) {
    return {
      found: false,
      score: 0,
      reason: 'The quoted words are no longer in the text, and the quote is too short to look for similar words.',
    };
  }
  const maxErrors = Math.floor(quote.exact.length * (1 - FUZZY_MIN_QUOTE_SCORE));
  const matches = search(text, quote.exact, maxErrors).sort((a, b) => a.errors - b.errors || a.start - b.start);
  const distinct: Scored[] = [];
  for (const m of matches) {
    if (distinct.some((d) => m.start < d.end && d.start < m.end)) continue;
    const quoteScore = 1 - m.errors / quote.exact.length;
    const context = contextScore(text, quote, m.start, m.end);
    const position = text.length ? 1 - Math.min(1, Math.abs(m.start - quote.start) / text.length) : 1;
    // Weights as Hypothesis uses them: the quote dominates, context decides between near-equals.
    const score = (50 * quoteScore + 40 * context + 2 * position) / 92;
    distinct.push({ start: m.start, end: m.end, context, score });
    if (distinct.length >= 50) break;
  }
  distinct.sort(byScoreThenNearest(quote.start));
  const best = distinct[0];
  if (!best) return { found: false, score: 0, reason: 'The quoted words are no longer in the text, nor anything close to them.' };
  const runnerUp = distinct[1];
  const ambiguous = !!runnerUp && best.score - runnerUp.score < AMBIGUITY_MARGIN / 2;
  if (best.score >= FUZZY_THRESHOLD && !ambiguous) {
    return {
      found: true,
      method: 'fuzzy',
      start: best.start,
      end: best.end,
      score: best.score,
      reason: 'The quoted words changed slightly; a close match with the same context was found.',
    };
  }
  return {
    found: false,
    score: best.score,
    suggestion: { start: best.start, end: best.end, score: best.score },
    reason: ambiguous
      ? 'Several passages match the quote about equally well.'
      : 'The closest match differs too much from the quote to be sure.',
  };
}

/**
 * Finds `quote` (made against `oldText`) in `text`. `oldText` lets the search know whether the
 * quote was already ambiguous where it was made.
 */
export function reanchor(text: string, quote: QuoteSelector, oldText?: string): AnchorOutcome {
  if (text.slice(quote.start, quote.end) === quote.exact) {
    const context = contextScore(text, quote, quote.start, quote.end);
    const unique =
      occurrences(text, quote.exact, 2).length === 1 && (oldText === undefined || occurrences(oldText, quote.exact, 2).length === 1);
    if (context >= CONTEXT_THRESHOLD || unique) {
      return {
        found: true,
        method: 'position',
        start: quote.start,
        end: quote.end,
        score: Math.max(context, 0.9),
        reason: 'The quoted words are where they were.',
      };
    }
  }
  return anchorExactQuote(text, quote, oldText) ?? anchorApproximately(text, quote);
}
