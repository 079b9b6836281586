import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * What the libraries know about single words, the data behind alias classes and qualifiers:
 * compromise's lexicon (countries, demonyms, cities, given names, well-known organisations such
 * as CIA or NASA) and word-list, an English dictionary without proper nouns ("apple", "council",
 * "party" are in it; "huawei", "xinjiang" are not).
 */
type LexiconTags = Record<string, string | string[]>;

let lexicon: LexiconTags | undefined;

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

/**
 * The dictionary as one string with the line ranges of each two-letter start, built in one pass:
 * a Set of its 274,000 words takes seconds to build on a loaded machine, every import worker needs
 * it, and a look-up only ever reads a few kilobytes.
 */
interface Dictionary {
  text: string;
  blocks: Map<number, [number, number][]>;
  known: Map<string, boolean>;
}
let dictionary: Dictionary | undefined;

function words(): Dictionary {
  if (dictionary) return dictionary;
  // word-list's module only names its words.txt; found, not imported, because every process loads
  // this file and importing an ES module from the CLI's CommonJS costs a few ms at each start.
  const wordListPath = path.join(path.dirname(createRequire(import.meta.url).resolve('word-list')), 'words.txt');
  const text = `\n${fs.readFileSync(wordListPath, 'utf8')}\n`;
  const blocks = new Map<number, [number, number][]>();
  let key = -1;
  let blockStart = 0;
  const close = (end: number) => {
    if (key >= 0) (blocks.get(key) ?? blocks.set(key, []).get(key)!).push([blockStart, end]);
  };
  for (let i = 1; i < text.length;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    const lineKey = text.charCodeAt(i) * 65536 + (nl > i + 1 ? text.charCodeAt(i + 1) : 0);
    if (lineKey !== key) {
      close(i);
      key = lineKey;
      blockStart = i - 1;
    }
    i = nl + 1;
  }
  close(text.length);
  dictionary = { text, blocks, known: new Map() };
  return dictionary;
}

function inDictionary(word: string): boolean {
  const d = words();
  let found = d.known.get(word);
  if (found === undefined) {
    const key = word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0);
    found = (d.blocks.get(key) ?? []).some(([start, end]) => d.text.slice(start, end + 1).includes(`\n${word}\n`));
    if (d.known.size < 100_000) d.known.set(word, found);
  }
  return found;
}

const PLACE_TAGS = ['Country', 'City', 'Region', 'Place'];
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'];
const PROPER_TAGS = [...PLACE_TAGS, ...NAME_TAGS, 'Demonym', 'Organization', 'ProperNoun', 'SportsTeam'];

const has = (folded: string, wanted: readonly string[]) => tagsOf(folded).some((t) => wanted.includes(t));

/** A lower-case dictionary word that the lexicon does not also know as a name ("apple" yes; "china", "austin" no). */
export function isCommonWord(word: string): boolean {
  const folded = word.toLowerCase();
  return inDictionary(folded) && !has(folded, PROPER_TAGS);
}

/** In the dictionary at all, proper-noun readings aside: "china" is, "huawei" is not. */
export function isDictionaryWord(word: string): boolean {
  return inDictionary(word.toLowerCase());
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
