import { isTitle } from '../entities/aliasClass';
import { isCommonWord, isGivenName, isPersonName, placeKind } from '../entities/lexicon';

/**
 * Names as official sources write them. The World Factbook and many governments write a person's
 * family name in capitals: "XI Jinping" (family name first), "Angela MERKEL", "Rafael CORREA
 * Delgado" (the second, maternal surname is left out of the usual form). These helpers find such
 * names, strip the titles in front ("President", "Vice Premier") and keep them as a role.
 */

const CAPS_TOKEN = /^\p{Lu}{2,}(?:['\u2019-]\p{Lu}+)*$/u;
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** Words that go with a title: "Vice President", "Prime Minister", "Executive Vice Premier", "Lt. Gen.". */
const TITLE_PARTS = new Set(
  'vice prime executive deputy first chief supreme crown acting interim lt lt. gen gen. col col. maj maj. capt capt. adm adm. brig brig. state general premier premiers leader sheikh emir sultan king queen prince princess governor chairman chairwoman speaker presidents ministers chancellors ambassador consul envoy minister secretary president chancellor pm mr mrs ms dr prof sir dame lord lady senator judge justice mayor commissioner'.split(
    ' ',
  ),
);

export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase();
  return TITLE_PARTS.has(w) || TITLE_PARTS.has(w.replace(/\.$/, '')) || isTitle(word);
}

/** "XI" → "Xi", "WAI-KING" → "Wai-king", "O'BRIEN" → "O'Brien": the same length, so offsets hold. */
export function titleCase(token: string): string {
  return token
    .toLowerCase()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .replace(/(['\u2019-])(\p{Ll})(?=\p{Ll})/gu, (_, q: string, c: string) => q + c.toUpperCase());
}

/** A token that could be part of a person's name: not an ordinary English word, or a known name, or short ("Li", "Xi"). */
export function nameLike(token: string): boolean {
  if (!/^\p{Lu}/u.test(token)) return false;
  if (CAPS_TOKEN.test(token)) return true;
  const bare = token.replace(/['\u2019]s$/u, '');
  return bare.length <= 3 || isPersonName(bare) || isGivenName(bare) || !isCommonWord(bare);
}

export interface CapsNames {
  /** The text with family names in capitals written as names, same length as the input. */
  text: string;
  /** Start offsets of the tokens that were in capitals: they mark family names. */
  familyAt: Set<number>;
}

/**
 * Rewrites family names in capitals ("XI Jinping", "Angela MERKEL") so a tagger reads them as
 * names. A capitals token counts only beside a capitalised name-like word, so acronyms beside
 * ordinary words ("PLA Ground Forces", "US Navy") stay as they are.
 */
export function normaliseCapsNames(text: string, isAcronym: (token: string) => boolean): CapsNames {
  const tokens = [...text.matchAll(/[\p{L}][\p{L}\p{M}'\u2019-]*/gu)].map((m) => ({ word: m[0], at: m.index }));
  const familyAt = new Set<number>();
  let out = text;
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (!CAPS_TOKEN.test(t.word) || isTitleWord(t.word)) return;
    // "Audrey EU", "Adam E. NAMM": after a given name or an initial, capitals are a family name even if they spell an acronym.
    const afterGivenName = before !== undefined && (isGivenName(before.word) || /^\p{Lu}$/u.test(before.word));
    if (isAcronym(t.word) && !afterGivenName) return;
    const adjacent = [before, tokens[i + 1]].filter(
      (n): n is { word: string; at: number } =>
        n !== undefined && /^\.?\s+$/u.test(text.slice(Math.min(n.at + n.word.length, t.at + t.word.length), Math.max(n.at, t.at))),
    );
    const besideName = adjacent.some(
      (n) =>
        (TITLE_CASE.test(n.word) && nameLike(n.word) && !isTitleWord(n.word)) ||
        /^\p{Lu}$/u.test(n.word) ||
        (CAPS_TOKEN.test(n.word) && familyAt.has(n.at)),
    );
    if (!besideName) return;
    familyAt.add(t.at);
    out = out.slice(0, t.at) + titleCase(t.word) + out.slice(t.at + t.word.length);
  });
  return { text: out, familyAt };
}

export interface PersonName {
  /** Indexes of the first and last word of the name in the run given. */
  first: number;
  last: number;
  role: string | null;
}

/**
 * A run of capitalised words as a person's name in its usual form, or undefined when it is not
 * one: titles in front become the role ("Premier LI Keqiang" → Li Keqiang, Premier); after given
 * names and a family name in capitals, the maternal surname is dropped ("Rafael CORREA Delgado" →
 * Rafael Correa); a single name is a fragment ("KIM", "Chancellor Angela").
 */
export function personName(words: readonly { word: string; family: boolean }[]): PersonName | undefined {
  let i = 0;
  while (i < words.length - 1 && isTitleWord(words[i]!.word)) i++;
  const role =
    i > 0
      ? words
          .slice(0, i)
          .map((w) => w.word)
          .join(' ')
      : null;
  let rest = words.slice(i);
  // A possessive ends a name: "Prime Minister SINGH's September visit" is about Singh.
  const possessive = rest.findIndex((w) => /['\u2019]s$/u.test(w.word));
  if (possessive >= 0) rest = rest.slice(0, possessive + 1);
  const lastFamily = rest.map((w) => w.family).lastIndexOf(true);
  if (lastFamily > 0 && !rest[0]!.family) rest = rest.slice(0, lastFamily + 1);
  const named = rest.filter((w) => !/^\p{Lu}$/u.test(w.word));
  if (named.length < 2 || rest.length > 5) return undefined;
  if (!rest.every((w) => w.family || nameLike(w.word))) return undefined;
  if (rest.some((w) => placeKind(w.word) === 'demonym' || isTitleWord(w.word))) return undefined;
  return { first: i, last: i + rest.length - 1, role };
}
