import { foldForMatch } from '../../../shared/text';
import { aliasWords } from './aliasClass';
import { lexiconCountries, placeKind } from './lexicon';

/**
 * Places as keys a document and an entity can share: a curated place entity ("china") or a country
 * the lexicon knows but the notebook does not ("lex:austria"). Demonyms resolve by their stem
 * ("Chinese" → China, "Austrian" → Austria), so "Chinese Communist Party" has China as its home.
 */
export interface PlaceIndex {
  /** The place a phrase names ("China's", "Colombia", "the Austrian"), if any. */
  resolve(phrase: string): string | undefined;
  /** Every place key named inside an alias ("China's Ministry of State Security" → china). */
  within(alias: string): Set<string>;
  /** Which place a document is mostly about: named at least 3 times and twice as often as any other. */
  dominant(passages: readonly string[], placeLinks: readonly string[]): string | undefined;
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};
const LOWER_IN_NAMES = new Set(['and', 'of', 'the', 'da', 'de', 'du']);
/** Lexicon names are lower case; in text they are capitalised ("trinidad and tobago" → "Trinidad and Tobago"). */
const asWritten = (name: string) =>
  name
    .split(' ')
    .map((w) => (LOWER_IN_NAMES.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripPossessive = (phrase: string) => phrase.replace(/['\u2019]s?$/u, '').replace(/^the\s+/i, '');

export function createPlaceIndex(placeAliases: readonly { entityId: string; alias: string }[]): PlaceIndex {
  const byName = new Map<string, string>();
  for (const c of lexiconCountries()) byName.set(c, `lex:${c}`);
  for (const p of placeAliases) byName.set(foldForMatch(p.alias), p.entityId);
  const countryNames = lexiconCountries().filter((c) => byName.get(c)?.startsWith('lex:'));
  const countryPattern = countryNames.length
    ? new RegExp(
        `(?<![\\p{L}])(${countryNames
          .sort((a, b) => b.length - a.length)
          .map((c) => escapeRegExp(asWritten(c)))
          .join('|')})(?![\\p{L}])`,
        'gu',
      )
    : undefined;

  const resolve = (phrase: string): string | undefined => {
    const folded = foldForMatch(stripPossessive(phrase.trim()));
    const direct = byName.get(folded);
    if (direct) return direct;
    if (placeKind(folded) !== 'demonym') return undefined;
    // "chinese" → "china", "austrian" → "austria" (not "australia"): the one-word place sharing the longest start.
    let best: string | undefined;
    let bestShared = 3;
    for (const name of byName.keys()) {
      const shared = name.includes(' ') ? 0 : commonPrefix(name, folded);
      if (shared > bestShared || (shared === bestShared && best && name.length < best.length)) [best, bestShared] = [name, shared];
    }
    return best ? byName.get(best) : undefined;
  };

  return {
    resolve,
    within(alias) {
      const keys = new Set<string>();
      const words = aliasWords(alias);
      for (let i = 0; i < words.length; i++)
        for (let n = Math.min(4, words.length - i); n >= 1; n--) {
          const key = resolve(words.slice(i, i + n).join(' '));
          if (key) keys.add(key);
        }
      return keys;
    },
    dominant(passages, placeLinks) {
      const counts = new Map<string, number>();
      const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
      placeLinks.forEach(bump);
      if (countryPattern) for (const text of passages) for (const m of text.matchAll(countryPattern)) bump(`lex:${m[1]!.toLowerCase()}`);
      const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      if (!first || first[1] < 3 || (second && second[1] * 2 > first[1])) return undefined;
      return first[0];
    },
  };
}
