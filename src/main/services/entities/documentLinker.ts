import type { EntityType, LinkMethod } from '../../../shared/domain';
import { foldForMatch } from '../../../shared/text';
import { findAcronymDefinitions } from './acronyms';
import { aliasWords, classifyAlias, isAcronym, isTitle, type AliasVerdict } from './aliasClass';
import { isGivenName } from './lexicon';
import { createLinker, type Link, type LinkableAlias, type Match } from './linker';
import { createPlaceIndex } from './places';
import { qualifierAfter, qualifierBefore, type Qualifier } from './qualifiers';

/** How a link was made; stored on every mention so the workbench can say why it is there. */
export type { LinkMethod };

export interface KnownAlias extends LinkableAlias {
  entityType: EntityType;
  entityName: string;
  /** From the curated seed file: in a seed source it links as the curators checked it. */
  curated: boolean;
  /** A person's explicit choice for this alias; null or absent lets its words decide. */
  strength?: 'strong' | 'generic' | null;
}

export interface DocumentLink extends Link {
  alias: string;
  method: Exclude<LinkMethod, 'user'>;
  confidence: number;
}

/** A span that may name the entity but that the document does not support: stored for a person to confirm, never counted as a link. */
export interface PossibleLink extends Link {
  alias: string;
  reason: string;
  confidence: number;
}

export interface LinkedDocument {
  links: DocumentLink[][];
  possible: PossibleLink[][];
}

export interface DocumentLinker {
  /** `curatedSource`: a seed source, where curated aliases link as their curators checked them. */
  link(passages: readonly string[], options: { sourceId: string; curatedSource?: boolean }): LinkedDocument;
}

type Classified = KnownAlias & { verdict: AliasVerdict };
type Decision =
  | { kind: 'link'; method: DocumentLink['method']; confidence: number }
  | { kind: 'possible'; reason: string; confidence: number }
  | undefined;

export const CONFIDENCE = { curated: 1, name: 0.95, alias: 0.9, supported: 0.85, person: 0.85, context: 0.75, possible: 0.4, surname: 0.3 };

const fold = (text: string) => foldForMatch(text).replace(/[\u2010-\u2015-]/g, ' ');
const nameWords = (alias: string) => aliasWords(alias).filter((w, i, all) => !(i < all.length - 1 && isTitle(w)));
/** Mostly capitals: case says nothing there, so acronyms and one-word names are not trusted. */
const shouting = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
};

/** "East China Sea", "Sea of Japan", "Taiwan Strait": a feature named after a place is not the place. */
const FEATURE_AFTER = /^\s+(?:Sea|Seas|Strait|Straits|Ocean|Gulf|Bay|River|Plateau|Peninsula|Basin|Desert|Lake|Mountains|Range)\b/u;
const FEATURE_BEFORE = /\b(?:Sea|Gulf|Bay|Strait|Straits)\s+of\s+(?:the\s+)?$/u;

/**
 * "Republic of China" before "China", where the entity is also "People's Republic of China": the
 * text names something else with a shortened form of the entity's own longer name (the Republic
 * of China; the Republic of Korea beside "Democratic People's Republic of Korea").
 */
function truncatedOwnName(text: string, start: number, alias: string, longer: readonly string[]): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  for (const name of longer) {
    const prefix = name.slice(0, name.length - alias.length);
    if (!prefix.trim() || fold(name.slice(prefix.length)) !== fold(alias)) continue;
    const words = aliasWords(prefix);
    for (let k = words.length - 1; k >= 1; k--) {
      const tail = words.slice(k);
      if (!tail.some((w) => /^\p{Lu}/u.test(w))) continue;
      const pattern = new RegExp(`(?<![\\p{L}])${tail.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}\\s+$`, 'u');
      if (pattern.test(before)) return true;
    }
  }
  return false;
}

/** "Edward Snowden" is also "Snowden" where the document names him in full: derived, never stored. */
function derivedSurnames(aliases: readonly KnownAlias[]): KnownAlias[] {
  const taken = new Set(aliases.map((a) => fold(a.alias)));
  const out: KnownAlias[] = [];
  for (const a of aliases) {
    if (a.entityType !== 'person' || a.scope !== '' || fold(a.alias) !== fold(a.entityName)) continue;
    const words = nameWords(a.alias);
    const last = words[words.length - 1];
    if (words.length < 2 || !isGivenName(words[0]!) || !last || taken.has(fold(last))) continue;
    taken.add(fold(last));
    out.push({ ...a, alias: last, exactCase: true, curated: false });
  }
  return out;
}

export function createDocumentLinker(known: readonly KnownAlias[]): DocumentLinker {
  const otherNames = new Map<string, string[]>();
  for (const a of known) (otherNames.get(a.entityId) ?? otherNames.set(a.entityId, []).get(a.entityId)!).push(a.alias);
  const aliases: Classified[] = [...known, ...derivedSurnames(known)].map((a) => ({
    ...a,
    verdict: a.strength
      ? { aliasClass: a.strength, why: 'chosen by a person' }
      : classifyAlias(a.alias, a.entityType, otherNames.get(a.entityId)),
  }));
  const linker = createLinker(aliases);
  const longerNames = new Map<string, string[]>();
  for (const a of known) (longerNames.get(a.entityId) ?? longerNames.set(a.entityId, []).get(a.entityId)!).push(a.alias);
  const places = createPlaceIndex(aliases.filter((a) => a.entityType === 'place' && a.verdict.aliasClass === 'strong'));
  const namesOf = new Map<string, Set<string>>();
  const homesOf = new Map<string, Set<string>>();
  for (const a of aliases) {
    (namesOf.get(a.entityId) ?? namesOf.set(a.entityId, new Set()).get(a.entityId)!).add(fold(a.alias));
    const homes = homesOf.get(a.entityId) ?? homesOf.set(a.entityId, new Set()).get(a.entityId)!;
    if (a.entityType !== 'place') for (const key of places.within(a.alias)) homes.add(key);
  }

  return {
    link(passages, { sourceId, curatedSource = false }) {
      const matches = passages.map((text) => linker.matches(text, sourceId));
      const all = matches.flat();

      // What the document itself says: acronyms it defines, entities it names distinctively, people it names in full.
      const acronymVerdict = new Map<string, boolean>();
      for (const def of findAcronymDefinitions(passages)) {
        for (const a of aliases.filter((x) => x.alias === def.acronym)) {
          const means = fold(def.longForm);
          const ours = [...namesOf.get(a.entityId)!].some((n) => n !== fold(a.alias) && (means === n || means.endsWith(` ${n}`)));
          acronymVerdict.set(`${a.entityId}\u0000${a.alias}`, ours || acronymVerdict.get(`${a.entityId}\u0000${a.alias}`) === true);
        }
      }
      const trusted = (m: Match<Classified>) =>
        m.alias.verdict.aliasClass === 'strong' || (curatedSource && m.alias.curated) || m.alias.scope !== '';
      const named = new Set(all.filter(trusted).map((m) => m.entityId));
      // A generic place name ("Washington": the capital, the state, a person) needs its strong form in the same passage.
      const namedIn = matches.map((list) => new Set(list.filter(trusted).map((m) => m.entityId)));
      for (const [key, ours] of acronymVerdict) if (ours) named.add(key.split('\u0000')[0]!);
      const wordOwners = new Map<string, Set<string>>();
      for (const m of all)
        if (m.alias.entityType === 'person' && trusted(m) && nameWords(m.alias.alias).length >= 2)
          for (const w of nameWords(m.alias.alias))
            (wordOwners.get(fold(w)) ?? wordOwners.set(fold(w), new Set()).get(fold(w))!).add(m.entityId);
      const placeLinks = all.filter((m) => m.alias.entityType === 'place' && trusted(m)).map((m) => m.entityId);
      const dominant = places.dominant(passages, placeLinks);

      const compatible = (q: Qualifier, entityId: string) => {
        const key = places.resolve(q.phrase);
        if (key) return homesOf.get(entityId)!.has(key) || key === entityId;
        // A possessive person or body ("Xi's") does not say the name is someone else's; a bare proper word does.
        return q.possessive ? undefined : false;
      };

      const decide = (m: Match<Classified>, text: string, passageIndex: number): Decision => {
        const a = m.alias;
        if (curatedSource && a.curated) return { kind: 'link', method: 'curated', confidence: CONFIDENCE.curated };
        if (a.scope !== '') return { kind: 'link', method: 'alias', confidence: CONFIDENCE.alias };
        const defined = isAcronym(a.alias) ? acronymVerdict.get(`${a.entityId}\u0000${a.alias}`) : undefined;
        if (defined === false) return undefined;
        const single = isAcronym(a.alias) || aliasWords(a.alias).length === 1;
        if (single && shouting(text))
          return { kind: 'possible', reason: 'written in capitals, where case says nothing', confidence: CONFIDENCE.possible };
        if (a.entityType === 'place' && (FEATURE_AFTER.test(text.slice(m.end, m.end + 12)) || FEATURE_BEFORE.test(text.slice(0, m.start))))
          return undefined;
        if (truncatedOwnName(text, m.start, a.alias, longerNames.get(a.entityId) ?? []))
          return {
            kind: 'possible',
            reason: "a shortened form of the entity's longer name may name something else",
            confidence: CONFIDENCE.possible,
          };
        if (a.verdict.aliasClass === 'strong') {
          const isName = fold(a.alias) === fold(a.entityName);
          return { kind: 'link', method: isName ? 'name' : 'alias', confidence: isName ? CONFIDENCE.name : CONFIDENCE.alias };
        }
        if (a.verdict.aliasClass === 'surname') return decideSurname(m, text);
        for (const q of [qualifierBefore(text, m.start), qualifierAfter(text, m.end)]) {
          if (!q) continue;
          const fits = compatible(q, m.entityId);
          if (fits === false) return undefined;
          if (fits) return { kind: 'link', method: 'context', confidence: CONFIDENCE.context };
        }
        const support = a.entityType === 'place' ? namedIn[passageIndex]! : named;
        if (defined || support.has(m.entityId)) return { kind: 'link', method: 'context', confidence: CONFIDENCE.supported };
        if (dominant && homesOf.get(m.entityId)!.has(dominant)) return { kind: 'link', method: 'context', confidence: CONFIDENCE.context };
        return { kind: 'possible', reason: `${a.verdict.why}; the source does not otherwise name it`, confidence: CONFIDENCE.possible };
      };

      const decideSurname = (m: Match<Classified>, text: string): Decision => {
        const before = qualifierBefore(text, m.start);
        if (before && !before.possessive && !before.phrase.split(' ').every(isTitle)) return undefined;
        if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.end, m.end + 3))) return undefined;
        const owners = wordOwners.get(fold(m.alias.alias));
        if (owners?.size === 1 && owners.has(m.entityId)) return { kind: 'link', method: 'person', confidence: CONFIDENCE.person };
        const reason = owners?.has(m.entityId)
          ? 'more than one person in the source has this name'
          : `the source never names ${m.alias.entityName} in full`;
        return { kind: 'possible', reason, confidence: CONFIDENCE.surname };
      };

      const links: DocumentLink[][] = [];
      const possible: PossibleLink[][] = [];
      matches.forEach((list, i) => {
        const text = passages[i]!;
        links.push([]);
        possible.push([]);
        for (const m of list) {
          const d = decide(m, text, i);
          const base = { entityId: m.entityId, start: m.start, end: m.end, surface: m.surface, alias: m.alias.alias };
          if (d?.kind === 'link') links[i]!.push({ ...base, method: d.method, confidence: d.confidence });
          else if (d?.kind === 'possible') possible[i]!.push({ ...base, reason: d.reason, confidence: d.confidence });
        }
      });
      return { links, possible };
    },
  };
}
