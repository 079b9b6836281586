import { z } from 'zod';
import { COMPOUND_HAN_SURNAMES, EAST_ASIAN_SURNAMES, isPinyinWord } from './eastAsianNames';

/**
 * Author names as CSL stores them (citation-style-language/schema, csl-data.json): a person's
 * parts — family, given, particles, suffix — or a name written whole (`literal`) for an
 * organisation. `familyFirst` marks a name written family name first (Chinese, Korean,
 * Vietnamese: "Xie Maosong"); styles that spell names out keep that order, styles that use
 * initials print "Xie, M.".
 */
export interface PersonName {
  family: string;
  given?: string;
  /** "von der" in "Ursula von der Leyen": printed with the family name, and per style ignored in sorting. */
  'non-dropping-particle'?: string;
  /** "van" in "Ludwig van Beethoven": dropped when only the family name is printed. */
  'dropping-particle'?: string;
  /** "Jr.", "III". */
  suffix?: string;
  familyFirst?: boolean;
}

export interface LiteralName {
  literal: string;
}

export type AuthorName = PersonName | LiteralName;

export const isLiteralName = (name: AuthorName): name is LiteralName => 'literal' in name;

export const NAME_PART_LIMIT = 500;

const SUFFIX = /^(?:jr|sr|jnr|snr|ii|iii|iv|ph\.?d|m\.?d|esq)\.?$/i;
const PARTICLE =
  /^(?:von|van|der|den|de|del|della|dei|degli|di|da|dos|das|do|du|des|la|le|ten|ter|zu|zum|zur|af|av|bin|ibn|al|el|y|e|d'|l')$/;
const INITIAL = /^\p{Lu}\.?(?:-\p{Lu}\.?)?$/u;
const CAPITALISED = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;
/** Words that make a name an organisation's (an author written whole). */
const ORGANISATION =
  /\b(?:team|staff|office|ministry|agency|institute|department|editors?|editorial|news|press|group|association|university|council|committee|foundation|centre|center|bureau|service|board|society|reuters|xinhua|bbc|cnn|government|commission|organi[sz]ation|corporation|company|inc|ltd|llc|gmbh|plc|bank|fund|trust|network|party|court|parliament|congress|school|college|academy|laboratory|programme|program|project|initiative|union|federation|league|alliance|museum|library|police|media|publications?|publishing|publishers|journal|magazine|daily|review|reporters?|correspondents?|desk|authors?|contributors?|watch|international|national|global|research|studies|institution|administration|authority|republic|state|people's)\b/i;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const titleCase = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();
const isAllCaps = (word: string) => word.length > 1 && /^\p{Lu}[\p{Lu}'’-]*$/u.test(word);

function clean(name: PersonName): PersonName {
  const out: PersonName = { family: name.family };
  if (name.given) out.given = name.given;
  if (name['non-dropping-particle']) out['non-dropping-particle'] = name['non-dropping-particle'];
  if (name['dropping-particle']) out['dropping-particle'] = name['dropping-particle'];
  if (name.suffix) out.suffix = name.suffix;
  if (name.familyFirst) out.familyFirst = true;
  return out;
}

/** "Xie Maosong", "XIE Maosong", "Chiang Kai-shek", "Kim Jong-un": a family name first, as written in East Asia. */
function familyFirst(words: string[]): PersonName | null {
  if (words.length < 2 || words.length > 3) return null;
  const [first, ...rest] = words as [string, ...string[]];
  // An upper-case word is the family name wherever it stands (a common convention: "Maosong XIE").
  const caps = words.filter(isAllCaps);
  if (caps.length === 1 && words.length === 2) {
    const other = words.find((w) => w !== caps[0])!;
    return { family: titleCase(caps[0]!), given: other, familyFirst: caps[0] === first };
  }
  if (!EAST_ASIAN_SURNAMES.has(first.toLowerCase())) return null;
  const given = rest.join(' ');
  const hyphenated = rest.length === 1 && /^\p{Lu}\p{Ll}{0,6}-\p{Ll}{1,6}$/u.test(given);
  if (hyphenated || rest.every(isPinyinWord)) return { family: first, given, familyFirst: true };
  return null;
}

/** BibTeX's "First von Last": lower-case words before the last name are its particle ("Ursula von der Leyen"). */
function westernOrder(words: string[]): PersonName {
  let familyStart = words.length - 1;
  let particleStart = -1;
  for (let i = words.length - 2; i >= 1; i--) {
    if (PARTICLE.test(words[i]!)) particleStart = i;
    else if (particleStart !== -1) break;
    else if (/^\p{Ll}/u.test(words[i]!)) break;
  }
  if (particleStart !== -1) {
    let particleEnd = particleStart;
    while (particleEnd + 1 < words.length - 1 && PARTICLE.test(words[particleEnd + 1]!)) particleEnd++;
    familyStart = particleEnd + 1;
    return clean({
      given: words.slice(0, particleStart).join(' '),
      'non-dropping-particle': words.slice(particleStart, familyStart).join(' '),
      family: words.slice(familyStart).join(' '),
    });
  }
  return clean({ given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' ') });
}

/** "King, Martin Luther, Jr.", "von der Leyen, Ursula", "Xie, Maosong": the family name before the comma. */
function invertedOrder(parts: string[]): AuthorName {
  const [familyPart, givenPart = '', ...more] = parts.map(squash);
  let suffix = more.join(', ');
  let given = givenPart;
  if (!suffix && SUFFIX.test(given)) [suffix, given] = [given, ''];
  const familyWords = familyPart!.split(' ');
  let p = 0;
  while (p < familyWords.length - 1 && PARTICLE.test(familyWords[p]!)) p++;
  const givenWords = given.split(' ').filter(Boolean);
  let g = givenWords.length;
  while (g > 1 && PARTICLE.test(givenWords[g - 1]!)) g--;
  const particle = [...familyWords.slice(0, p), ...givenWords.slice(g)].join(' ');
  const name: PersonName = {
    family: familyWords.slice(p).join(' '),
    given: givenWords.slice(0, g).join(' '),
    'non-dropping-particle': particle,
    suffix,
  };
  const eastAsian = familyFirst([name.family, ...givenWords]);
  if (eastAsian?.familyFirst && !particle && !suffix) name.familyFirst = true;
  return clean(name);
}

/**
 * A name as people write it, as a CSL name. Organisations, single words and anything that does
 * not look like a person's name stay whole (`literal`): a wrong split prints a wrong citation,
 * a whole name never does. People correct any guess in the source's details.
 */
export function parseName(text: string): AuthorName {
  const whole = squash(text.normalize('NFC'));
  if (!whole) return { literal: '' };
  // A name in Chinese characters: the family name is its first character (or a compound surname's two).
  if (/^\p{Script=Han}{2,4}$/u.test(whole)) {
    const cut = COMPOUND_HAN_SURNAMES.has(whole.slice(0, 2)) && whole.length > 2 ? 2 : 1;
    return { family: whole.slice(0, cut), given: whole.slice(cut), familyFirst: true };
  }
  const organisation = ORGANISATION.test(whole) || /^the\s/i.test(whole) || /[\d&/@|()[\]{}"“”:;!?]/.test(whole);
  const commaParts = whole.split(/\s*,\s*/);
  if (!organisation && commaParts.length >= 2 && commaParts.length <= 3 && commaParts[0]!.includes(' ') === false) {
    const [, second = '', third] = commaParts;
    // "Smith, Jr." is not an inversion; "Smith, John" and "King, Martin Luther, Jr." are.
    if (second && !SUFFIX.test(second) && (third === undefined || SUFFIX.test(third))) return invertedOrder(commaParts);
  }
  if (!organisation && commaParts.length >= 2 && /^\p{Ll}/u.test(commaParts[0]!) && commaParts.length <= 3)
    return invertedOrder(commaParts);
  let words = whole.replace(/\s*,\s*(?=\S+$)/, ' ').split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words.at(-1)!)) suffix = words.pop()!;
  const personLike =
    !organisation &&
    words.length >= 2 &&
    words.length <= 6 &&
    words.every((w) => CAPITALISED.test(w) || PARTICLE.test(w) || isAllCaps(w)) &&
    !words.every(isAllCaps) &&
    CAPITALISED.test(words[0]!) &&
    !PARTICLE.test(words.at(-1)!);
  if (!personLike) return { literal: whole };
  const eastAsian = suffix ? null : familyFirst(words);
  if (eastAsian) return clean(eastAsian);
  // "Smith J." (initials after the family name, as in Vancouver-style lists).
  if (words.length === 2 && INITIAL.test(words[1]!) && !INITIAL.test(words[0]!)) return { family: words[0]!, given: words[1]! };
  words = words.map((w, i) => (i === words.length - 1 && isAllCaps(w) ? titleCase(w) : w));
  return clean({ ...westernOrder(words), suffix });
}

/** The name as it reads in running text: "Xie Maosong", "Martin Luther King Jr.", "Ursula von der Leyen". */
export function displayName(name: AuthorName): string {
  if (isLiteralName(name)) return name.literal;
  // Names in Chinese characters are written without a space (谢茂松).
  if (/\p{Script=Han}$/u.test(name.family) && /^\p{Script=Han}/u.test(name.given ?? '')) return name.family + name.given!;
  if (name.familyFirst) return squash([name.family, name.given, name.suffix].filter(Boolean).join(' '));
  return squash([name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' '));
}

export const authorsLabel = (names: readonly AuthorName[]) => names.map(displayName).join('; ');

/**
 * A name as stored or given: parts (CSL keys), a literal, or — from older notebooks and from
 * scripts — a string, parsed. `limits` caps each part; `edit` trims and refuses a blank name;
 * `strict` refuses unknown keys (the store's reader drops them instead).
 */
export function authorNameSchema({ limits, edit, strict }: { limits: boolean; edit: boolean; strict: boolean }) {
  const part = () => {
    const s = edit ? z.string().trim() : z.string();
    return limits ? s.max(NAME_PART_LIMIT) : s;
  };
  const object = <T extends z.ZodRawShape>(shape: T) => (strict ? z.object(shape).strict() : z.object(shape));
  const required = edit ? part().min(1, 'must not be blank') : part();
  const person = object({
    family: required,
    given: part().optional(),
    'non-dropping-particle': part().optional(),
    'dropping-particle': part().optional(),
    suffix: part().optional(),
    familyFirst: z.boolean().optional(),
  }).transform((n): AuthorName => clean(n));
  const literal = object({ literal: required }).transform((n): AuthorName => ({ literal: n.literal }));
  const text = required.transform((s): AuthorName => parseName(s));
  return z.union([literal, person, text]);
}

/**
 * Several names in one string, as bylines and document properties write them: "A; B", "A, B and
 * C", "A & B". A comma separates names only where each piece is a whole name, so "King, Martin
 * Luther, Jr." and "Doe, Jane" stay one name each.
 */
export function parseAuthorList(text: string): AuthorName[] {
  const pieces = text
    .split(/\s*;\s*|\s+(?:and|&)\s+|\s*&\s*/i)
    .flatMap((piece) => {
      const commaParts = piece.split(/\s*,\s*/).filter(Boolean);
      const separate = commaParts.length > 1 && commaParts.every((p) => p.trim().includes(' ') && !SUFFIX.test(p.trim()));
      return separate ? commaParts : [piece];
    })
    .map(squash)
    .filter(Boolean);
  return pieces.map(parseName);
}
