import { isCommonWord } from './lexicon';

/**
 * The words that say whose a generic name is: "Colombia's State Council", "the Austrian Communist
 * Party", "Communist Party of Austria", "Republic of Korea Marine Corps". A qualifier that names
 * another place, or a longer proper name the alias is only part of, says the alias is not the
 * curated entity.
 */
export interface Qualifier {
  phrase: string;
  /** "China's State Council": a possessive owner rather than part of a longer name. */
  possessive: boolean;
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}.-]*$/u;
const FUNCTION = new Set(['The', 'A', 'An', 'This', 'That', 'Its', 'Their', 'His', 'Her', 'Our', 'Both', 'Each']);

/** Up to three capitalised words right before `start`, with a possessive if there is one. */
export function qualifierBefore(text: string, start: number): Qualifier | undefined {
  const before = text.slice(Math.max(0, start - 80), start);
  const m = /(?<![\p{L}\p{M}])((?:[\p{Lu}][\p{L}\p{M}.-]*\s+){0,2}[\p{Lu}][\p{L}\p{M}.-]*?)(['\u2019]s?)?\s+$/u.exec(before);
  if (!m) return undefined;
  // "Oslo. The State Council": a sentence ends before the alias; only abbreviations ("U.S.") keep their dot.
  const sentenceEnd = (w: string) => /\.$/.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w);
  const all = m[1]!.split(/\s+/);
  const last = all.map(sentenceEnd).lastIndexOf(true);
  if (last === all.length - 1) return undefined;
  const words = all.slice(last + 1).filter((w) => CAPITALISED.test(w));
  // Leading words that are ordinary sentence openers say nothing ("The State Council", "Yesterday State Council").
  while (words.length && (FUNCTION.has(words[0]!) || (words.length === 1 && !m[2] && isCommonWord(words[0]!)))) words.shift();
  if (!words.length) return undefined;
  return { phrase: words.join(' '), possessive: Boolean(m[2]) };
}

/** "of Austria", "of the Russian Federation", "in Nepal": a capitalised owner right after the alias. */
export function qualifierAfter(text: string, end: number): Qualifier | undefined {
  const m = /^\s+(?:of|in)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}\p{M}.-]*)(?:\s+(?:and\s+)?[\p{Lu}][\p{L}\p{M}.-]*){0,3})/u.exec(
    text.slice(end, end + 80),
  );
  if (!m) return undefined;
  return { phrase: m[1]!, possessive: false };
}
