import type { EntityType } from '../../../shared/domain';
import { isCommonWord, isDictionaryWord, isKnownAcronym, isPersonName, isTitleWord, placeKind } from './lexicon';

/**
 * How far an alias can be trusted on its own, decided from the words it is made of:
 * - strong: distinctive enough to link wherever it appears with the right case ("Huawei",
 *   "Xi Jinping", "Hewlett-Packard", "CIA");
 * - generic: common words, short acronyms and phrases many countries use ("Apple", "State Council",
 *   "Communist Party", "MPS"); links only where the document supports the entity;
 * - surname: a person's single name ("Xi", "Snowden"); links only where the document names the person in full.
 */
export type AliasClass = 'strong' | 'generic' | 'surname';

export interface AliasVerdict {
  aliasClass: AliasClass;
  /** Plain words for the workbench: why this class. */
  why: string;
}

const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'on', 'to', 'a', 'an', 'de', 'la', 'du', 'del']);
/** Offices the lexicon does not tag as such. */
const EXTRA_TITLES = new Set(['premier', 'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'general', 'vice', 'secretary', 'chairman', 'director']);

/** Words with their inner apostrophes ("People's"), without punctuation. */
export function aliasWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu) ?? [];
}

const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');

/** "MSS", "U.S.", "PLANMC": one token whose letters are all capitals. */
export function isAcronym(alias: string): boolean {
  const l = letters(alias);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase() && !/\s/.test(alias.trim());
}

/** A word written with capitals inside ("US", "WeChat") is a name, whatever the dictionary says. */
const writtenAsName = (word: string) => /\p{Lu}/u.test(word.slice(1));

export function isTitle(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return EXTRA_TITLES.has(w) || isTitleWord(w);
}

/** "US" for "United States", "PRC" for "People's Republic of China": the initials of the words that carry meaning. */
export function initials(name: string): string {
  return aliasWords(name)
    .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** `otherNames`: the entity's other names, so a country's initials ("US", "PRC") can be recognised. */
export function classifyAlias(alias: string, entityType: EntityType, otherNames: readonly string[] = []): AliasVerdict {
  if (isAcronym(alias)) {
    const l = letters(alias);
    if (isKnownAcronym(l)) return { aliasClass: 'strong', why: 'an acronym the lexicon knows as one organisation or country' };
    if (entityType === 'place' && otherNames.some((n) => placeKind(n) === 'country' && initials(n) === l))
      return { aliasClass: 'strong', why: "a country's initials" };
    if (/\./.test(alias)) return { aliasClass: 'strong', why: 'a dotted abbreviation' };
    if (l.length >= 4 && !isDictionaryWord(l))
      return { aliasClass: 'strong', why: 'an acronym of four or more letters that is not a word' };
    return {
      aliasClass: 'generic',
      why: l.length <= 3 ? 'a short acronym, used by many organisations' : 'an acronym that is also a common word',
    };
  }
  const words = aliasWords(alias);
  if (entityType === 'person') {
    const named = words.filter((w, i) => !(i < words.length - 1 && isTitle(w)));
    if (words.length === 1) return { aliasClass: 'surname', why: "a person's single name" };
    if (named.length === 1) return { aliasClass: 'strong', why: 'a title with a name' };
  }
  if (words.length > 1 && placeKind(words.join(' ')) === 'country') return { aliasClass: 'strong', why: 'a country the lexicon knows' };
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  const common = (w: string) => !writtenAsName(w) && isCommonWord(w.replace(/['\u2019]s$/u, ''));
  if (content.length === 1) {
    const [word] = content as [string];
    if (entityType === 'place' && isPersonName(word)) return { aliasClass: 'generic', why: "a place name that is also a person's name" };
    if (common(word)) return { aliasClass: 'generic', why: 'a common English word' };
    return { aliasClass: 'strong', why: 'a distinctive name' };
  }
  if (content.length > 0 && content.every(common)) return { aliasClass: 'generic', why: 'a phrase made of common words' };
  return { aliasClass: 'strong', why: 'a distinctive name' };
}
