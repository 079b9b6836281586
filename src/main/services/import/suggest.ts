import nlp from 'compromise';
import { foldForMatch, normalizeWhitespace } from '../../../shared/text';
import type { EntitySuggestion } from '../../../shared/imports';
import { findAcronymDefinitions } from '../entities/acronyms';
import { classifyAlias, isAcronym } from '../entities/aliasClass';
import { isCommonWord, isGivenName, isKnownAcronym, placeKind } from '../entities/lexicon';
import { isTitleWord, normaliseCapsNames, personName, titleCase } from './names';

export interface Candidate {
  type: EntitySuggestion['type'];
  name: string;
  folded: string;
  occurrences: number;
  /** The title found in front of a person's name ("President"), kept as their role. */
  role: string | null;
  /** An existing entity this name is another form of: proposed as its alias rather than a new entity. */
  aliasOf: string | null;
}

export interface KnownEntity {
  id: string;
  type: string;
  names: readonly string[];
}

/** The tagger reads about 130 KB/s: the whole document is read up to this many characters, in chunks. */
export const SUGGESTION_MAX_CHARS = 400_000;
const CHUNK_CHARS = 20_000;
const MAX_PER_TYPE = 25;

const ORG_HEADS = new Set(
  (
    'party council ministry agency bureau commission committee army navy force forces guard service union association court assembly ' +
    'congress parliament bank university institute group company corporation front movement alliance league organization organisation ' +
    'office department administration authority police corps federation fund foundation network tribunal senate cabinet directorate'
  ).split(' '),
);
const PLACE_HEADS = new Set([
  'republic',
  'kingdom',
  'island',
  'islands',
  'province',
  'region',
  'sea',
  'river',
  'mountains',
  'city',
  'strait',
]);
/** Words a place name may begin with although they are ordinary words ("North Korea", "Federal Republic of Germany"). */
const PLACE_LEADS = new Set(
  "north south east west northern southern eastern western new upper lower central great greater democratic federal united republic islamic people's kingdom old little".split(
    ' ',
  ),
);
const OPENERS = new Set(
  'the a an in on at for after before since under during with from by as and but its his her their this that these those when while both of'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'du', 'y']);
const TOKEN = /[\p{L}][\p{L}\p{M}'\u2019-]*/gu;

interface Word {
  word: string;
  at: number;
  end: number;
  family: boolean;
}

/**
 * Runs of capitalised words (with "of", "and", "the" between them), split at punctuation and line
 * ends; "Lt. Gen." and initials ("Clifford A. Hart") keep their dots inside a run. A run right
 * after a number is an address ("3524 International Court NW"), not a name.
 */
function capitalisedRuns(text: string, familyAt: ReadonlySet<number>): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  let lastEnd = -1;
  const close = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!.word)) run.pop();
    if (run.length && !/\d\s+$/u.test(text.slice(Math.max(0, run[0]!.at - 8), run[0]!.at))) runs.push(run);
    run = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(/-+$/u, '');
    const gap = lastEnd < 0 ? ' ' : text.slice(lastEnd, m.index);
    const previous = run[run.length - 1]?.word ?? '';
    const dotted = run.length > 0 && /^\.[ \t]+$/u.test(gap) && (isTitleWord(`${previous}.`) || /^\p{Lu}$/u.test(previous));
    if (!/^[ \t\u00a0]+$/u.test(gap) && !dotted) close();
    lastEnd = m.index + m[0].length;
    // "OeVP-oriented": a word that goes on in lower case after a hyphen is not part of a name.
    const capitalised = /^\p{Lu}/u.test(raw) && !/-\p{Ll}/u.test(raw);
    if (capitalised) run.push({ word: raw, at: m.index, end: m.index + raw.length, family: familyAt.has(m.index) });
    else if (run.length && CONNECTORS.has(raw) && (raw !== 'the' || previous === 'of'))
      run.push({ word: raw, at: m.index, end: m.index + raw.length, family: false });
    else close();
    if (m[0].endsWith('-')) close();
  }
  close();
  return runs;
}

const plausible = (name: string) =>
  name.length >= 3 && name.length <= 80 && /^\p{Lu}/u.test(name) && /\p{L}{2}/u.test(name) && !/\d/.test(name) && !/-$/.test(name);

const spanOf = (text: string, words: readonly Word[]) => text.slice(words[0]!.at, words[words.length - 1]!.end);
/** "China-Vietnam": two places joined, a relation rather than a name. */
const joinedPlaces = (w: Word) => w.word.includes('-') && w.word.split('-').filter((part) => placeKind(part) !== undefined).length >= 2;

function classify(
  text: string,
  words: Word[],
  votes: { people: Set<string>; orgs: Set<string>; places: Set<string> },
): Omit<Candidate, 'folded' | 'occurrences' | 'aliasOf'> | undefined {
  let start = 0;
  while (start < words.length && OPENERS.has(words[start]!.word.toLowerCase())) start++;
  // "United Kingdom's Secret Intelligence Service": the owner in front is not part of the name.
  const owner = words.findIndex((w, i) => i >= start && /['\u2019]s$/u.test(w.word));
  if (
    owner >= 0 &&
    owner < words.length - 1 &&
    placeKind(spanOf(text, words.slice(start, owner + 1)).replace(/['\u2019]s$/u, '')) !== undefined
  )
    start = owner + 1;
  const trimmed = words.slice(start);
  if (!trimmed.length || trimmed.some(joinedPlaces)) return undefined;
  // "Leadership After the Party Congress": a heading in title case, not a name.
  if (trimmed.slice(1).some((w) => OPENERS.has(w.word.toLowerCase()) && /^\p{Lu}/u.test(w.word))) return undefined;
  const whole = spanOf(text, trimmed);

  // A person: a title in front, a family name in capitals, a known given name, or the tagger's word for it.
  let from = 0;
  while (
    from < trimmed.length - 1 &&
    !isTitleWord(trimmed[from]!.word) &&
    !isGivenName(trimmed[from]!.word) &&
    isCommonWord(trimmed[from]!.word)
  )
    from++;
  const person = personName(trimmed.slice(from));
  if (person) {
    const nameWords = trimmed.slice(from + person.first, from + person.last + 1);
    const name = spanOf(text, nameWords);
    const evidence =
      person.role !== null ||
      nameWords.some((w) => w.family) ||
      isGivenName(nameWords[0]!.word) ||
      votes.people.has(foldForMatch(name)) ||
      votes.people.has(foldForMatch(whole));
    // "Saint George Basseterre" is a parish, "Santa Elena" a province: saints' names make places.
    const saintly = /^(?:saint|st|santa|san|sao)\.?$/i.test(person.role ?? '') || /^(?:santa|san|sao)$/i.test(nameWords[0]!.word);
    if (evidence && !saintly && !ORG_HEADS.has(nameWords[0]!.word.toLowerCase()))
      return { type: 'person', name: name.replace(/\p{Lu}{2,}/gu, (w) => (/^[IVXLC]+$/.test(w) ? w : titleCase(w))), role: person.role };
  }
  if (trimmed.some((w) => w.family)) return undefined;
  const lower = trimmed.map((w) => w.word.toLowerCase().replace(/['\u2019]s$/u, ''));
  const content = trimmed.filter((w) => !CONNECTORS.has(w.word));
  const allCommon = content.every((w) => isCommonWord(w.word.replace(/['\u2019]s$/u, '')));
  // "Minister of People's Armed Forces" is an office; "Court of Appeal and Court of First Instance" two bodies.
  const twoBodies =
    lower.includes('and') &&
    lower.slice(0, lower.indexOf('and')).some((w) => ORG_HEADS.has(w)) &&
    lower.slice(lower.indexOf('and')).some((w) => ORG_HEADS.has(w));
  if (isTitleWord(trimmed[0]!.word) || twoBodies) return undefined;
  if (trimmed.length >= 2 && (lower.some((w) => ORG_HEADS.has(w)) || votes.orgs.has(foldForMatch(whole)))) {
    // "Supreme Court", "Air Force": every country has one; the bare name says nothing about which.
    if (allCommon && content.length <= 2) return undefined;
    return { type: 'organization', name: whole, role: null };
  }
  const isPlace =
    votes.places.has(foldForMatch(whole)) ||
    placeKind(whole) !== undefined ||
    (trimmed.length >= 2 && lower.some((w) => PLACE_HEADS.has(w)));
  // A place of common words only ("Roman Catholic", "Central") is a tagger's guess, not a name.
  const shouted = trimmed.length === 1 && /^\p{Lu}+$/u.test(trimmed[0]!.word) && placeKind(trimmed[0]!.word) === undefined;
  const leadsWithCommon =
    isCommonWord(content[0]!.word) && !PLACE_LEADS.has(content[0]!.word.toLowerCase()) && placeKind(content[0]!.word) === undefined;
  if (
    isPlace &&
    !allCommon &&
    !shouted &&
    !leadsWithCommon &&
    !content.every((w) => placeKind(w.word) === 'demonym' || isCommonWord(w.word))
  )
    return { type: 'place', name: whole, role: null };
  return undefined;
}

/** An existing entity this candidate is another form of: the same name words in another order, or initials and full name. */
function aliasTarget(
  c: Omit<Candidate, 'aliasOf'>,
  entities: readonly KnownEntity[],
  defined: ReadonlyMap<string, Set<string>>,
): string | null {
  const words = (name: string) =>
    foldForMatch(name)
      .split(/[\s-]+/)
      .filter(Boolean);
  const mine = words(c.name);
  for (const e of entities) {
    if (e.type !== c.type) continue;
    for (const name of e.names) {
      const theirs = words(name);
      if (c.type === 'person') {
        const same = mine.length === theirs.length && mine.every((w) => theirs.includes(w));
        const shortened = mine.length === 2 && theirs.length >= 3 && mine[0] === theirs[0] && mine[1] === theirs[theirs.length - 1];
        if (same || shortened) return e.id;
      } else if (isAcronym(name) && classifyAlias(name, 'organization').aliasClass === 'strong' && defined.get(name)?.has(c.folded))
        return e.id;
    }
  }
  return null;
}

/**
 * New people, organisations and places in a document, for a person to accept, alias or reject:
 * nothing links until they do. The whole text is read (up to SUGGESTION_MAX_CHARS) in chunks;
 * compromise tags each chunk and votes on types, family names in capitals are read as names, and
 * titles become roles. Names the notebook already knows are left out, or, when they are another
 * form of a known entity, proposed as its alias.
 */
export function suggestEntities(
  passages: readonly { text: string }[],
  known: ReadonlySet<string>,
  entities: readonly KnownEntity[] = [],
): Candidate[] {
  const acronyms = new Set(entities.flatMap((e) => e.names.filter(isAcronym)));
  const isAcronymToken = (t: string) => acronyms.has(t) || isKnownAcronym(t);
  const found = new Map<string, Omit<Candidate, 'aliasOf'> & { roles: Map<string, number> }>();
  let read = 0;
  let chunk = '';
  const flush = () => {
    if (!chunk.trim()) return;
    const caps = normaliseCapsNames(chunk, isAcronymToken);
    const doc = nlp(caps.text);
    const vote = (list: string[]) => new Set(list.map((s) => foldForMatch(s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))));
    const votes = {
      people: vote(doc.people().out('array') as string[]),
      orgs: vote(doc.organizations().out('array') as string[]),
      places: vote(doc.places().out('array') as string[]),
    };
    for (const run of capitalisedRuns(caps.text, caps.familyAt)) {
      const c = classify(caps.text, run, votes);
      if (!c) continue;
      const name = normalizeWhitespace(c.name).replace(/['\u2019]s$/u, '');
      if (!plausible(name)) continue;
      const folded = foldForMatch(name);
      const entry = found.get(folded) ?? found.set(folded, { ...c, name, folded, occurrences: 0, roles: new Map() }).get(folded)!;
      entry.occurrences++;
      if (c.role) entry.roles.set(c.role, (entry.roles.get(c.role) ?? 0) + 1);
    }
    chunk = '';
  };
  for (const p of passages) {
    if (read >= SUGGESTION_MAX_CHARS) break;
    const text = p.text.slice(0, SUGGESTION_MAX_CHARS - read);
    read += text.length;
    chunk += (chunk ? '\n\n' : '') + text;
    if (chunk.length >= CHUNK_CHARS) flush();
  }
  flush();

  // "Central Intelligence Agency (CIA)": a full name the document itself gives for a known acronym.
  const defined = new Map<string, Set<string>>();
  for (const d of findAcronymDefinitions(passages.map((p) => p.text)))
    (defined.get(d.acronym) ?? defined.set(d.acronym, new Set()).get(d.acronym)!).add(foldForMatch(d.longForm));
  const out: Candidate[] = [];
  for (const type of ['person', 'organization', 'place'] as const) {
    const ofType = [...found.values()]
      .filter((c) => c.type === type && !known.has(c.folded) && !known.has(c.folded.replace(/-/g, ' ')))
      .sort((a, b) => b.occurrences - a.occurrences || a.name.localeCompare(b.name))
      .slice(0, MAX_PER_TYPE);
    for (const { roles, ...c } of ofType) {
      const role = [...roles.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      out.push({ ...c, role, aliasOf: aliasTarget(c, entities, defined) });
    }
  }
  return out;
}
