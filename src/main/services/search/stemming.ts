import { francAll } from 'franc-min';
import snowball from 'snowball-stemmers';

/**
 * Word forms: the Snowball stemmers (snowball-stemmers, a JavaScript port of the Snowball
 * project's algorithms), chosen per source language. A source's language is detected from its
 * text (franc-min, trigram profiles); what cannot be told is English. Names are never cut down
 * by a stemmer (see Vocabulary.family): a name only meets its plural or possessive.
 */
export const LANGUAGES = [
  'english',
  'french',
  'german',
  'spanish',
  'italian',
  'portuguese',
  'dutch',
  'swedish',
  'norwegian',
  'danish',
  'finnish',
  'russian',
  'hungarian',
  'romanian',
  'turkish',
  'catalan',
  'czech',
] as const;
export type Language = (typeof LANGUAGES)[number];

const FRANC_CODES: Record<string, Language> = {
  eng: 'english',
  fra: 'french',
  deu: 'german',
  spa: 'spanish',
  ita: 'italian',
  por: 'portuguese',
  nld: 'dutch',
  swe: 'swedish',
  nob: 'norwegian',
  nno: 'norwegian',
  dan: 'danish',
  fin: 'finnish',
  rus: 'russian',
  hun: 'hungarian',
  ron: 'romanian',
  tur: 'turkish',
  cat: 'catalan',
  ces: 'czech',
};
const ONLY = Object.keys(FRANC_CODES);
/** Enough text to tell a language apart reliably; more only costs time. */
export const LANGUAGE_SAMPLE_CHARS = 700;

/** How clearly the best language must beat the next (franc scores the best 1): else English. */
const CLEAR_MARGIN = 0.92;

/** The language index (into LANGUAGES) of a sample of a source's text; 0 (English) when unsure. */
export function detectLanguage(sample: string): number {
  if (sample.length < 40) return 0;
  const [best, next] = francAll(sample.slice(0, LANGUAGE_SAMPLE_CHARS), { only: ONLY, minLength: 40 });
  if (!best || (next && next[1] > CLEAR_MARGIN)) return 0;
  const language = FRANC_CODES[best[0]];
  return language ? LANGUAGES.indexOf(language) : 0;
}

const stemmers: (ReturnType<typeof snowball.newStemmer> | undefined)[] = [];
const STEM_CACHE_LIMIT = 100_000;
const stemCaches: Map<string, string>[] = LANGUAGES.map(() => new Map());

/** The Snowball stem of a folded word in a language; numbers stay as they are. */
export function stemIn(language: number, word: string): string {
  const cache = stemCaches[language] ?? stemCaches[0]!;
  let stem = cache.get(word);
  if (stem === undefined) {
    if (/^\d/.test(word)) stem = word;
    else stem = (stemmers[language] ??= snowball.newStemmer(LANGUAGES[language] ?? 'english')).stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** What a name is reduced to: only a plural "s" goes ("Uighurs" meets "Uighur", "Beijing" stays whole). */
export function lightStem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}
