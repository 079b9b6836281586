import fs from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';

/**
 * What the libraries know about single words, the data behind alias classes and qualifiers:
 * compromise's lexicon (countries, demonyms, cities, given names, well-known organisations such
 * as CIA or NASA) and word-list, an English dictionary without proper nouns ("apple", "council",
 * "party" are in it; "huawei", "xinjiang" are not).
 */
type LexiconTags = Record<string, string | string[]>;

let lexicon: LexiconTags | undefined;
let dictionary: Set<string> | undefined;

/**
 * Loaded on first use: every process imports the linker (seeding, the CLI, the serving process),
 * but only linking and suggesting need the tagger's lexicon and the dictionary.
 */
function lexiconTags(): LexiconTags {
  if (!lexicon) {
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: LexiconTags } } };
    lexicon = nlp.model().one.lexicon;
  }
  return lexicon;
}

function tagsOf(folded: string): string[] {
  const tags = lexiconTags()[folded];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

function words(): Set<string> {
  dictionary ??= new Set(fs.readFileSync(wordListPath, 'utf8').split('\n'));
  return dictionary;
}

const PLACE_TAGS = ['Country', 'City', 'Region', 'Place'];
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'];
const PROPER_TAGS = [...PLACE_TAGS, ...NAME_TAGS, 'Demonym', 'Organization', 'ProperNoun', 'SportsTeam'];

const has = (folded: string, wanted: readonly string[]) => tagsOf(folded).some((t) => wanted.includes(t));

/** A lower-case dictionary word that the lexicon does not also know as a name ("apple" yes; "china", "austin" no). */
export function isCommonWord(word: string): boolean {
  const folded = word.toLowerCase();
  return words().has(folded) && !has(folded, PROPER_TAGS);
}

/** In the dictionary at all, proper-noun readings aside: "china" is, "huawei" is not. */
export function isDictionaryWord(word: string): boolean {
  return words().has(word.toLowerCase());
}

export type PlaceKind = 'country' | 'demonym' | 'place';

/** Countries, demonyms and other places by name, one or more words ("north korea", "austrian"). */
export function placeKind(phrase: string): PlaceKind | undefined {
  const tags = tagsOf(phrase.toLowerCase());
  if (tags.includes('Country')) return 'country';
  if (tags.includes('Demonym')) return 'demonym';
  return tags.some((t) => PLACE_TAGS.includes(t)) ? 'place' : undefined;
}

/** Acronyms the lexicon knows as one organisation or country ("cia", "nasa", "uk"). */
export function isKnownAcronym(acronym: string): boolean {
  return has(acronym.toLowerCase(), ['Organization', 'Country']);
}

/** A given name ("edward", "angela"): in "Edward Snowden" the family name is the last word. */
export function isGivenName(word: string): boolean {
  return has(word.toLowerCase(), ['FirstName', 'MaleName', 'FemaleName']);
}

/** Known as a person's name of any part: a single-word place alias that is also a name ("Austin") is ambiguous. */
export function isPersonName(word: string): boolean {
  return has(word.toLowerCase(), NAME_TAGS);
}

/** Honorifics and offices the lexicon knows ("sir", "president", "chancellor", "minister"). */
export function isTitleWord(word: string): boolean {
  return has(word.toLowerCase(), ['Honorific', 'Actor']);
}

/** Every country the lexicon knows, for counting which country a document is about. */
export function lexiconCountries(): string[] {
  return Object.keys(lexiconTags()).filter((w) => has(w, ['Country']));
}
