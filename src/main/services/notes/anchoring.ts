import search from 'approx-string-match';
import type { AnchorFinding } from '../../../shared/notes';
import { toNormalSpan, toRawSpan } from './textNormalize';
import { VersionAlignment } from './versionAlignment';

/**
 * The anchoring rule: where are a citation's quoted words in a new version of its source?
 *
 * A citation may move silently only when its exact words (compared in their typography-free
 * form, see textNormalize.ts) are found unambiguously in the new version: at the place the
 * alignment of the two versions says the cited place went, or, when that place was deleted, as
 * the one new occurrence whose surroundings match. Anything else needs a person: a change inside
 * the quoted words (one letter, a digit, a negation, a name, a date), several candidate places, a
 * lookalike. A proposal is offered then, never applied. Hypothesis attaches silently to the best
 * approximate match (hypothesis/h#2798, h#4328, client#7571); a citation that points at words it
 * does not quote is worse than one that asks.
 */

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorStatus = 'current' | 'moved' | 'changed' | 'lost';

export interface AnchorDecision {
  status: AnchorStatus;
  finding: AnchorFinding;
  /** Raw offsets in the new text; set for current and moved only. */
  start?: number;
  end?: number;
  /** For changed and lost: the best place to offer a person, never applied by itself. */
  proposal?: { start: number; end: number; score: number };
  /** How many times the quote's exact words occur in the new version. */
  occurrences: number;
  /** 0..1: how sure the placement (or the proposal) is. */
  score: number;
  reason: string;
}

/** Context at least this similar says an occurrence stands where the cited one stood. */
export const CONTEXT_THRESHOLD = 0.5;
/** The cited place must beat every other candidate's context by this much, or it is a coin toss. */
export const CONTEXT_MARGIN = 0.15;
/** A proposal must keep this share of the quote's characters to be offered as the same words edited. */
export const PROPOSAL_MIN_SCORE = 0.6;
/** Quotes at least this long (words and characters) are specific enough that a single new occurrence is them. */
const DISTINCTIVE_WORDS = 5;
const DISTINCTIVE_CHARS = 24;
const CONTEXT_CHARS = 32;
const MAX_OCCURRENCES = 200;

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

export function occurrences(text: string, exact: string, limit = MAX_OCCURRENCES): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < limit; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** True when only spaces stand between raw offset `at` and a line break (or the text's edge), looking in `direction`. */
function paragraphEdge(raw: string, at: number, direction: -1 | 1): boolean {
  for (let i = direction < 0 ? at - 1 : at; i >= 0 && i < raw.length; i += direction) {
    const c = raw[i]!;
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u00a0') return false;
  }
  return true;
}

/** One anchoring question: a quote cited in the old version, asked of the new. */
class Question {
  readonly q: string;
  readonly a: number;
  readonly b: number;
  readonly cuts: { start: boolean; end: boolean };
  readonly prefix: string;
  readonly suffix: string;
  readonly found: number[];
  /** Whether the cited quote began and ended at a paragraph break (or the text's edge). */
  readonly edges: { before: boolean; after: boolean };

  constructor(
    readonly al: VersionAlignment,
    readonly quote: QuoteSelector,
  ) {
    const span = toNormalSpan(al.old, quote.start, quote.end);
    this.a = span.start;
    this.b = span.end;
    this.q = al.old.text.slice(span.start, span.end);
    const old = al.old.text;
    this.cuts = VersionAlignment.cuts(old, this.a, this.b);
    this.prefix = old.slice(Math.max(0, this.a - CONTEXT_CHARS), this.a);
    this.suffix = old.slice(this.b, this.b + CONTEXT_CHARS);
    this.edges = { before: paragraphEdge(al.oldRaw, quote.start, -1), after: paragraphEdge(al.oldRaw, quote.end, 1) };
    // An occurrence that cuts words where the quote did not ("12" inside "120") is other words.
    this.found = this.q
      ? occurrences(al.new.text, this.q).filter((at) => {
          const cuts = VersionAlignment.cuts(al.new.text, at, at + this.q.length);
          return cuts.start === this.cuts.start && cuts.end === this.cuts.end;
        })
      : [];
  }

  get distinctive(): boolean {
    return this.q.length >= DISTINCTIVE_CHARS && this.q.split(' ').length >= DISTINCTIVE_WORDS;
  }

  /**
   * How well the words around new-form offset `at` match the cited context, 0..1. A side where the
   * quote met a paragraph break, and still does, matches: a paragraph moves with its own edges.
   */
  context(at: number): number {
    const text = this.al.new.text;
    const end = at + this.q.length;
    const before = text.slice(Math.max(0, at - this.prefix.length), at);
    const after = text.slice(end, end + this.suffix.length);
    const weight = this.prefix.length + this.suffix.length;
    if (weight === 0) return 1;
    const raw = this.raw(at, end);
    const prefix = this.edges.before && paragraphEdge(this.al.newRaw, raw.start, -1) ? 1 : similarity(this.prefix, before);
    const suffix = this.edges.after && paragraphEdge(this.al.newRaw, raw.end, 1) ? 1 : similarity(this.suffix, after);
    return (prefix * this.prefix.length + suffix * this.suffix.length) / weight;
  }

  /** Does `at`'s context beat every one of `others` by a clear margin? */
  decides(at: number, others: number[]): boolean {
    const own = this.context(at);
    return own >= CONTEXT_THRESHOLD && others.every((o) => own - this.context(o) >= CONTEXT_MARGIN);
  }

  raw(at: number, end = at + this.q.length): { start: number; end: number } {
    return toRawSpan(this.al.new, at, end);
  }

  /** The placement of a decided occurrence at new-form offset `at`. */
  place(at: number, finding: AnchorFinding, reason: string): AnchorDecision {
    const { start, end } = this.raw(at);
    const same = start === this.quote.start && end === this.quote.end;
    const typography = this.al.newRaw.slice(start, end) !== this.quote.exact;
    return {
      status: same ? 'current' : 'moved',
      finding: same ? (typography ? 'typography' : 'unchanged') : finding,
      start,
      end,
      occurrences: this.found.length,
      score: Math.max(0.9, this.context(at)),
      reason: same
        ? typography
          ? 'The quoted words are where they were; only their typography changed.'
          : 'The quoted words are where they were.'
        : reason,
    };
  }

  review(
    status: 'changed' | 'lost',
    finding: AnchorFinding,
    reason: string,
    proposal?: { start: number; end: number; score: number },
  ): AnchorDecision {
    const raw = proposal ? this.raw(proposal.start, proposal.end) : undefined;
    return {
      status,
      finding,
      ...(raw && proposal && raw.end > raw.start ? { proposal: { ...raw, score: proposal.score } } : {}),
      occurrences: this.found.length,
      score: proposal?.score ?? 0,
      reason,
    };
  }

  /** The closest approximate match of the quote inside new-form window [from, to), if close enough. */
  closest(from: number, to: number, keep: (start: number, end: number) => boolean = () => true) {
    const text = this.al.new.text;
    const lo = Math.max(0, from);
    const hi = Math.min(text.length, to);
    if (hi <= lo || !this.q) return undefined;
    const maxErrors = Math.floor(this.q.length * (1 - PROPOSAL_MIN_SCORE));
    let best: { start: number; end: number; score: number } | undefined;
    for (const m of search(text.slice(lo, hi), this.q, maxErrors)) {
      let start = lo + m.start;
      let end = lo + m.end;
      // A proposal is whole words where the quote was ("in 2017", never "in 201").
      while (!this.cuts.start && VersionAlignment.cuts(text, start, end).start) start--;
      while (!this.cuts.end && VersionAlignment.cuts(text, start, end).end) end++;
      if (!keep(start, end)) continue;
      const score = similarity(this.q, text.slice(start, end));
      if (!best || score > best.score) best = { start, end, score };
    }
    return best && best.score >= PROPOSAL_MIN_SCORE ? best : undefined;
  }
}

/** The cited place is still there with the same words; it moves silently unless other copies leave it in doubt. */
function whenIntact(question: Question, at: number): AnchorDecision {
  const { al, q } = question;
  const others = question.found.filter((o) => o !== at);
  // A copy the alignment carried over from another old place was there before and still is: the order of the copies decides.
  const doubtful = others.filter((o) => !al.isCarried(o, o + q.length));
  // The diff can match a quote's own words into new writing; the place is the same only if its surroundings came too.
  if (question.context(at) < CONTEXT_THRESHOLD) {
    return question.review(
      'changed',
      'context',
      'The quoted words are still there, but the text around them was rewritten; check that they still say what was cited.',
      { start: at, end: at + q.length, score: question.context(at) },
    );
  }
  if (doubtful.length === 0 || question.decides(at, doubtful)) {
    return question.place(at, 'shifted', 'The quoted words are unchanged; text before them changed, so their position moved.');
  }
  return question.review(
    'changed',
    'ambiguous',
    `The quoted words now occur ${question.found.length} times and their surroundings do not tell which one was cited.`,
    { start: at, end: at + q.length, score: question.context(at) },
  );
}

/** Some words of the cited place changed (or all of them were replaced): a person decides. */
function whenEdited(question: Question, window: { start: number; end: number }, replaced: boolean): AnchorDecision {
  const { q } = question;
  const slack = Math.ceil(q.length / 2) + 1;
  // The words may be whole inside the window when only a word the quote half covers changed.
  const inside = question.found.filter((at) => at >= window.start - slack && at + q.length <= window.end + slack);
  if (inside.length === 1) return whenIntact(question, inside[0]!);
  const proposal = question.closest(window.start - slack, window.end + slack);
  if (proposal) {
    return question.review(
      'changed',
      'edited',
      'The words at the cited place changed; compare them and accept the new words, or keep citing the old version.',
      proposal,
    );
  }
  // Nothing like the quote stands there (a few common words the diff matched do not make it the same place).
  return whenGone(
    question,
    replaced
      ? 'The cited passage was rewritten; nothing like the quoted words stands in its place.'
      : 'The cited passage was removed or rewritten.',
  );
}

/** Nothing is left at the cited place: the words may have moved with their paragraph, or be gone. */
function whenGone(question: Question, goneReason = 'The cited passage was deleted from the source.'): AnchorDecision {
  const { al, q } = question;
  const fresh = question.found.filter((at) => !al.isCarried(at, at + q.length));
  const carried = question.found.filter((at) => al.isCarried(at, at + q.length));
  if (fresh.length === 1 && carried.length === 0) {
    const at = fresh[0]!;
    // Unique is not enough: new writing may reuse the words; the moved passage brings its surroundings along.
    if (question.context(at) >= CONTEXT_THRESHOLD) {
      return question.place(at, 'relocated', 'The cited passage moved; the quoted words are unchanged at their new place.');
    }
    return question.review(
      'changed',
      'ambiguous',
      'The cited passage was removed; the quoted words appear once elsewhere, in new text with other surroundings.',
      { start: at, end: at + q.length, score: question.context(at) },
    );
  }
  if (fresh.length > 0) {
    const ranked = [...fresh].sort((x, y) => question.context(y) - question.context(x));
    const best = ranked[0]!;
    const others = question.found.filter((o) => o !== best);
    if (question.decides(best, others)) {
      return question.place(best, 'relocated', 'The cited passage moved; its surroundings picked it out among the other occurrences.');
    }
    return question.review(
      'changed',
      'ambiguous',
      `The cited passage was removed; the quoted words occur ${question.found.length} times elsewhere and nothing tells which one is it.`,
      { start: best, end: best + q.length, score: question.context(best) },
    );
  }
  if (carried.length > 0) {
    const best = [...carried].sort((x, y) => question.context(y) - question.context(x))[0]!;
    return question.review(
      'lost',
      'removed',
      `${goneReason} The same words remain at another place, where they already were: that is another passage, not the cited one.`,
      { start: best, end: best + q.length, score: question.context(best) },
    );
  }
  // No exact words anywhere: the passage may have moved and been edited (new text that resembles it)…
  const successor = question.closest(0, al.new.text.length, (s, e) => !al.isCarried(s, e));
  if (successor) {
    return question.review(
      'changed',
      'edited',
      'The cited passage moved and its words changed; compare them before accepting the new words.',
      successor,
    );
  }
  // …or only a lookalike remains, which was there all along.
  const lookalike = question.closest(0, al.new.text.length);
  return question.review(
    'lost',
    lookalike ? 'lookalike' : 'removed',
    lookalike ? `${goneReason} Similar words elsewhere were already in the source: they are not the cited passage.` : goneReason,
    lookalike,
  );
}

/** When the versions could not be aligned: only a single, unchanged and well-placed occurrence moves. */
function whenUnaligned(question: Question): AnchorDecision {
  const { al, q } = question;
  const before = occurrences(al.old.text, q, 2).length;
  if (question.found.length === 1 && before === 1) {
    const at = question.found[0]!;
    if (question.context(at) >= CONTEXT_THRESHOLD) {
      return question.place(at, 'relocated', 'The source changed throughout; the quoted words occur once, unchanged.');
    }
  }
  if (question.found.length > 0) {
    const best = [...question.found].sort((x, y) => question.context(y) - question.context(x))[0]!;
    return question.review('changed', 'ambiguous', 'The source changed throughout; the quoted words cannot be placed with certainty.', {
      start: best,
      end: best + q.length,
      score: question.context(best),
    });
  }
  const proposal = question.closest(0, al.new.text.length);
  return proposal
    ? question.review('changed', 'edited', 'The source changed throughout and the quoted words changed too.', proposal)
    : question.review('lost', 'removed', 'The source changed throughout; the quoted words are no longer in it.');
}

/** Decides where `quote`, made against the alignment's old text, stands in its new text. */
export function anchorQuote(alignment: VersionAlignment, quote: QuoteSelector): AnchorDecision {
  if (alignment.oldRaw.slice(quote.start, quote.end) !== quote.exact) {
    throw new Error(`The quote at ${quote.start}–${quote.end} is not in the text it claims to be cited from.`);
  }
  const question = new Question(alignment, quote);
  if (!question.q) return question.review('lost', 'removed', 'The quote holds no words to look for.');
  const fate = alignment.fate(question.a, question.b);
  switch (fate.kind) {
    case 'intact':
      return whenIntact(question, fate.start);
    case 'edited':
      return whenEdited(question, fate, false);
    case 'replaced':
      return whenEdited(question, fate, true);
    case 'gone':
      return whenGone(question);
    case 'unknown':
      return whenUnaligned(question);
  }
}

/** One-off form: aligns `oldText` with `text` and anchors `quote`. Callers with many quotes share one alignment. */
export function reanchor(text: string, quote: QuoteSelector, oldText: string): AnchorDecision {
  return anchorQuote(new VersionAlignment(oldText, text), quote);
}
