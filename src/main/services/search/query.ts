import { ENTITY_TYPES, type EntityType } from '../../../shared/contract/ids';
import type { SearchFilters } from '../../../shared/search';
import { foldedWords, isCjkWord } from './text';

/**
 * The query language, as people type it: bare words must all match, "quoted phrases" match as
 * written, and key:value filters (entity:, source:, type:, from:, to:) narrow the results. A
 * value with spaces is quoted: entity:"Xi Jinping". The last bare word counts as a prefix
 * unless the query ends with a space, so results can follow the typing. A run of Chinese or
 * Japanese is searched as written, like a phrase.
 */
export interface ParsedQuery {
  words: string[];
  phrases: string[];
  prefixLast: boolean;
  filters: Required<Pick<SearchFilters, 'entity' | 'source' | 'type'>> & Pick<SearchFilters, 'from' | 'to' | 'undated'>;
  problems: string[];
}

const FILTER_KEYS = new Set(['entity', 'source', 'type', 'from', 'to', 'undated']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
// A piece is a quoted phrase, a key:"quoted value", key:value, or a bare run of non-space characters.
const PIECE = /(?<key>[a-z]+):"(?<qvalue>[^"]*)"?|"(?<phrase>[^"]*)"?|(?<bare>[^\s"]+)/giu;

export function parseQuery(input: string, extra: SearchFilters = {}): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    prefixLast: false,
    filters: {
      entity: [...(extra.entity ?? [])],
      source: [...(extra.source ?? [])],
      type: [...(extra.type ?? [])],
      from: extra.from,
      to: extra.to,
      undated: extra.undated,
    },
    problems: [],
  };
  const text = input.replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ').replace(/[\u201c\u201d\u201e]/g, '"');
  let lastWasBareWord = false;
  for (const match of text.matchAll(PIECE)) {
    const { key, qvalue, phrase, bare } = match.groups ?? {};
    lastWasBareWord = false;
    if (key !== undefined && FILTER_KEYS.has(key.toLowerCase())) {
      addFilter(query, key.toLowerCase(), qvalue ?? '');
    } else if (key !== undefined) {
      query.phrases.push(`${key} ${qvalue ?? ''}`.trim());
    } else if (phrase !== undefined) {
      if (phrase.trim()) query.phrases.push(phrase.trim());
    } else if (bare !== undefined) {
      const colon = bare.indexOf(':');
      const maybeKey = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
      if (FILTER_KEYS.has(maybeKey)) {
        addFilter(query, maybeKey, bare.slice(colon + 1));
      } else if (isCjkWord(bare) && foldedWords(bare).length > 1) {
        // Chinese or Japanese typed without spaces: the words inside are not known, so the run is
        // found where it is written whole (the phrase of its pairs of characters, text.ts).
        query.phrases.push(bare);
      } else {
        query.words.push(bare);
        lastWasBareWord = true;
      }
    }
  }
  query.prefixLast = lastWasBareWord && !/\s$/.test(text);
  return query;
}

function addFilter(query: ParsedQuery, key: string, rawValue: string): void {
  const value = rawValue.trim();
  if (!value) {
    query.problems.push(`${key}: needs a value, as in ${key === 'from' || key === 'to' ? `${key}:2020` : `${key}:mss`}.`);
    return;
  }
  if (key === 'entity') query.filters.entity.push(value);
  else if (key === 'source') query.filters.source.push(value);
  else if (key === 'type') {
    const type = value.toLowerCase();
    if ((ENTITY_TYPES as readonly string[]).includes(type)) query.filters.type.push(type as EntityType);
    else query.problems.push(`type:${value} is not an entity type (use ${ENTITY_TYPES.join(', ')}).`);
  } else if (key === 'undated') {
    const v = value.toLowerCase();
    if (v === 'include' || v === 'yes') query.filters.undated = 'include';
    else if (v === 'exclude' || v === 'no') query.filters.undated = 'exclude';
    else query.problems.push(`undated:${value} is not understood (use undated:include or undated:exclude).`);
  } else if (DATE.test(value)) {
    query.filters[key as 'from' | 'to'] = value;
  } else {
    query.problems.push(`${key}:${value} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).`);
  }
}

/** True when a source dated `issued` falls within the range; undated sources never do (the caller says so). */
export function withinDates(issued: string | null | undefined, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!issued) return false;
  if (from && issued < from) return false;
  if (to && issued > `${to}\uffff`) return false;
  return true;
}
