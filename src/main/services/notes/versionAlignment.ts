import { diffArrays } from 'diff';
import { normalizeText, type NormalText } from './textNormalize';

/**
 * Two versions of a source aligned word by word (jsdiff's Myers diff over the words of their
 * comparison forms), computed once per pair of versions and asked about every citation between
 * them. The alignment is what tells "the cited place still reads the same" from "the same words
 * also appear somewhere else": only the first may move a citation silently. It is the answer to
 * the repeated-block trap, where a one-letter edit in the cited copy would otherwise send the
 * citation to the untouched other copy.
 */

interface Tokens {
  words: string[];
  start: Int32Array;
  end: Int32Array;
}

interface Hunk {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

/** What became of a span of the old text's comparison form. */
export type SpanFate =
  /** Every word is still there, in order, with nothing inserted between: [start, end) in the new comparison form. */
  | { kind: 'intact'; start: number; end: number }
  /** Some words survive in place, some changed: the window [start, end) of the new form that now stands there. */
  | { kind: 'edited'; start: number; end: number }
  /** No word survives in place, but other words were put there: the window [start, end) that replaced them. */
  | { kind: 'replaced'; start: number; end: number }
  /** Deleted, with nothing in its place: `at` is where it was. */
  | { kind: 'gone'; at: number }
  /** The versions differ too much to align within the work budget. */
  | { kind: 'unknown' };

/** Myers' diff costs about (old + new words) × edits; past this many steps the alignment gives up and says so. */
const WORK_BUDGET = 60_000_000;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function tokenize(text: string): Tokens {
  const words: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const re = /[^ ]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    words.push(m[0]);
    start.push(m.index);
    end.push(m.index + m[0].length);
  }
  return { words, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** Index of the first token ending after `offset`. */
function tokenAtOrAfter(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.end.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.end[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class VersionAlignment {
  readonly old: NormalText;
  readonly new: NormalText;
  readonly oldRaw: string;
  readonly newRaw: string;
  private readonly oldTokens: Tokens;
  private readonly newTokens: Tokens;
  /** Old token → new token, or -1 when it did not survive. */
  private readonly forward: Int32Array;
  /** New token → old token, or -1 when it was inserted. */
  private readonly backward: Int32Array;
  private readonly hunkOfOld: Int32Array;
  private readonly hunks: Hunk[] = [];
  readonly complete: boolean;

  constructor(oldRaw: string, newRaw: string) {
    this.oldRaw = oldRaw;
    this.newRaw = newRaw;
    this.old = normalizeText(oldRaw);
    this.new = oldRaw === newRaw ? this.old : normalizeText(newRaw);
    this.oldTokens = tokenize(this.old.text);
    this.newTokens = this.new === this.old ? this.oldTokens : tokenize(this.new.text);
    const n = this.oldTokens.words.length;
    const m = this.newTokens.words.length;
    this.forward = new Int32Array(n).fill(-1);
    this.backward = new Int32Array(m).fill(-1);
    this.hunkOfOld = new Int32Array(n).fill(-1);
    const maxEditLength = Math.max(500, Math.floor(WORK_BUDGET / (n + m + 1)));
    const changes = this.new === this.old ? [] : diffArrays(this.oldTokens.words, this.newTokens.words, { maxEditLength });
    this.complete = changes !== undefined;
    if (this.new === this.old) {
      for (let i = 0; i < n; i++) this.forward[i] = this.backward[i] = i;
      return;
    }
    let i = 0;
    let j = 0;
    let open: Hunk | undefined;
    for (const change of changes ?? []) {
      if (!change.added && !change.removed) {
        open = undefined;
        for (let k = 0; k < change.count; k++, i++, j++) {
          this.forward[i] = j;
          this.backward[j] = i;
        }
        continue;
      }
      if (!open) {
        open = { oldFrom: i, oldTo: i, newFrom: j, newTo: j };
        this.hunks.push(open);
      }
      if (change.removed) {
        for (let k = 0; k < change.count; k++, i++) this.hunkOfOld[i] = this.hunks.length - 1;
        open.oldTo = i;
      } else {
        j += change.count;
        open.newTo = j;
      }
    }
  }

  /** Where old-form offset `offset` of token `t` lands in the new form, when the token survived. */
  private carried(t: number, offset: number): number | undefined {
    const to = this.forward[t]!;
    return to < 0 ? undefined : this.newTokens.start[to]! + (offset - this.oldTokens.start[t]!);
  }

  /** The new-form window a removed old token's hunk put in its place. */
  private replacement(t: number): { start: number; end: number } {
    const hunk = this.hunks[this.hunkOfOld[t]!]!;
    const tokens = this.newTokens;
    if (hunk.newTo > hunk.newFrom) return { start: tokens.start[hunk.newFrom]!, end: tokens.end[hunk.newTo - 1]! };
    const at = hunk.newFrom < tokens.start.length ? tokens.start[hunk.newFrom]! : this.new.text.length;
    return { start: at, end: at };
  }

  /** What became of the old comparison-form span [a, b). */
  fate(a: number, b: number): SpanFate {
    if (!this.complete) return { kind: 'unknown' };
    const first = tokenAtOrAfter(this.oldTokens, a);
    let last = first;
    while (last + 1 < this.oldTokens.start.length && this.oldTokens.start[last + 1]! < b) last++;
    if (first >= this.oldTokens.start.length || this.oldTokens.start[first]! >= b) return { kind: 'gone', at: 0 };

    let survived = 0;
    let inOrder = true;
    for (let t = first; t <= last; t++) {
      if (this.forward[t]! >= 0) survived++;
      if (t > first && this.forward[t]! !== this.forward[t - 1]! + 1) inOrder = false;
    }
    if (survived === last - first + 1 && inOrder) {
      return { kind: 'intact', start: this.carried(first, a)!, end: this.carried(last, b)! };
    }
    const start = this.carried(first, a) ?? this.replacement(first).start;
    const end = this.carried(last, b) ?? this.replacement(last).end;
    if (survived > 0) return { kind: 'edited', start: Math.min(start, end), end: Math.max(start, end) };
    if (end > start) return { kind: 'replaced', start, end };
    return { kind: 'gone', at: start };
  }

  /**
   * True when every word of new-form span [a, b) was carried over from the old text, in order:
   * the span is an unchanged copy of some old place, not new writing.
   */
  isCarried(a: number, b: number): boolean {
    if (!this.complete) return false;
    const tokens = this.newTokens;
    const first = tokenAtOrAfter(tokens, a);
    for (let t = first; t < tokens.start.length && tokens.start[t]! < b; t++) {
      if (this.backward[t]! < 0) return false;
      if (t > first && this.backward[t]! !== this.backward[t - 1]! + 1) return false;
    }
    return true;
  }

  /** Whether [a, b) of a text cuts a word in two at its start or its end ("12" inside "120" does). */
  static cuts(text: string, a: number, b: number): { start: boolean; end: boolean } {
    return {
      start: a > 0 && WORD_CHAR.test(text[a - 1]!) && WORD_CHAR.test(text[a]!),
      end: b < text.length && WORD_CHAR.test(text[b - 1]!) && WORD_CHAR.test(text[b]!),
    };
  }
}
