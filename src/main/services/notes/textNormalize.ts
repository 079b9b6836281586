/**
 * The comparison form of a text for anchoring: the same words compare equal whatever their
 * typography. A curly or straight quote, a hyphen or an em dash (with or without spaces around
 * it), a non-breaking or a plain space, a soft hyphen, a ligature, a line break inside a
 * paragraph: none of these changes what a quote says, so none of them may send a citation to
 * review. Letters, digits, case and punctuation that carries meaning (a period, a comma, a
 * percent sign) are kept exactly: a change there is a change of words.
 *
 * Every character of the normal form remembers the raw characters it came from, so a place found
 * in the normal form maps back to offsets into the stored text.
 */

export interface NormalText {
  /** The comparison form. */
  text: string;
  /** For each character of `text`, where its raw characters start and end in the raw text. */
  starts: Int32Array;
  ends: Int32Array;
  /** The raw text's length. */
  rawLength: number;
}

const SINGLE_QUOTES = /['‘’‚‛′`´]/u;
const DOUBLE_QUOTES = /["“”„‟″«»]/u;
const DASHES = /[-‐‑‒–—―−⁃﹘﹣－]/u;
/** Characters that are invisible in print: dropped. */
const INVISIBLE = /^(?:\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff)$/u;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const LIGATURE = /[\ufb00-\ufb06]/u;
const COMBINING = /\p{M}/u;
const PLAIN_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (c > 32 && c < 127 && !`'"\`-`.includes(String.fromCharCode(c)) ? 1 : 0));

/** One raw cluster (a base character and its combining marks) in its comparison form. */
function foldCluster(cluster: string): string {
  if (cluster.length === 1 || !COMBINING.test(cluster.slice(1))) {
    const c = cluster;
    if (INVISIBLE.test(c)) return '';
    if (SPACE.test(c)) return ' ';
    if (SINGLE_QUOTES.test(c)) return "'";
    if (DOUBLE_QUOTES.test(c)) return '"';
    if (DASHES.test(c)) return '-';
    if (c === '…') return '...';
    if (LIGATURE.test(c)) return c.normalize('NFKC');
  }
  return cluster.normalize('NFC');
}

/**
 * Folds `raw` to its comparison form: NFC; quotes, dashes and ellipses to ASCII; invisible
 * characters dropped; every run of whitespace to one space; a run of dashes to one dash with no
 * space either side ("abroad -- some", "abroad—some" and "abroad – some" all read "abroad-some").
 */
export function normalizeText(raw: string): NormalText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (chars: string, start: number, end: number) => {
    for (const ch of chars) {
      out.push(ch);
      starts.push(start);
      ends.push(end);
    }
  };
  const last = () => out[out.length - 1];

  let i = 0;
  while (i < raw.length) {
    const code = raw.codePointAt(i)!;
    // Fast path: ASCII letters, digits and plain punctuation are their own comparison form.
    if (code < 0x80 && PLAIN_ASCII[code] && !(i + 1 < raw.length && raw.charCodeAt(i + 1) >= 0x300)) {
      out.push(raw[i]!);
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    let end = i + (code > 0xffff ? 2 : 1);
    while (end < raw.length && COMBINING.test(String.fromCodePoint(raw.codePointAt(end)!))) {
      end += raw.codePointAt(end)! > 0xffff ? 2 : 1;
    }
    const folded = foldCluster(raw.slice(i, end));
    if (folded === ' ') {
      // A space after a dash, or a second space, adds nothing; one before a dash is removed when the dash comes.
      if (out.length > 0 && last() !== ' ' && last() !== '-') push(' ', i, end);
      else if (out.length > 0) ends[ends.length - 1] = end;
    } else if (folded === '-') {
      if (last() === ' ') {
        out.pop();
        const spaceStart = starts.pop()!;
        ends.pop();
        push('-', spaceStart, end);
      } else if (last() === '-') ends[ends.length - 1] = end;
      else push('-', i, end);
    } else if (folded.length > 0) push(folded, i, end);
    i = end;
  }
  if (last() === ' ') {
    out.pop();
    starts.pop();
    ends.pop();
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), rawLength: raw.length };
}

/** The comparison form of a short string on its own (a quote without its text). */
export const normalized = (raw: string): string => normalizeText(raw).text;

/** The smallest span of the normal form covering raw [start, end): the characters made only from raw characters inside it. */
export function toNormalSpan(n: NormalText, start: number, end: number): { start: number; end: number } {
  let a = lowerBound(n.starts, start);
  let b = a;
  while (b < n.text.length && n.ends[b]! <= end) b++;
  // A quote that starts with a space or dash folded into a neighbour starts at the next character.
  if (a < b && n.text[a] === ' ') a++;
  if (b > a && n.text[b - 1] === ' ') b--;
  return { start: a, end: b };
}

/** The raw span a normal-form span came from. */
export function toRawSpan(n: NormalText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.text.length ? n.starts[start]! : n.rawLength;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
