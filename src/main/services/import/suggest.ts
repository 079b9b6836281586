import nlp from 'compromise';
import { foldForMatch, normalizeWhitespace } from '../../../shared/text';
import type { EntitySuggestion } from '../../../shared/imports';

export interface Candidate {
  type: EntitySuggestion['type'];
  name: string;
  folded: string;
  occurrences: number;
}

/** The tagger reads about 130 KB/s; suggestions come from each source's opening, not its whole length. */
export const SUGGESTION_SAMPLE_CHARS = 4_000;
const MAX_PER_TYPE = 25;

function clean(raw: string): string {
  return normalizeWhitespace(raw)
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/['’]s$/i, '')
    .replace(/[\s.,;:!?"“”‘’()[\]]+$/u, '')
    .replace(/^[\s"“”‘’([]+/u, '');
}

const plausible = (name: string) =>
  name.length >= 3 && name.length <= 80 && /^\p{Lu}/u.test(name) && /\p{L}{2}/u.test(name) && !/\d{3}/.test(name);

/**
 * New people, organisations and places the tagger finds and no known alias already covers. They are
 * only suggestions: nothing is linked until the user accepts one.
 */
export function suggestEntities(passages: readonly { text: string }[], known: ReadonlySet<string>): Candidate[] {
  let sample = '';
  for (const p of passages) {
    if (sample.length >= SUGGESTION_SAMPLE_CHARS) break;
    sample += (sample ? '\n\n' : '') + p.text;
  }
  sample = sample.slice(0, SUGGESTION_SAMPLE_CHARS);
  if (!sample.trim()) return [];
  const doc = nlp(sample);
  const found: [Candidate['type'], string[]][] = [
    ['person', doc.people().out('array') as string[]],
    ['organization', doc.organizations().out('array') as string[]],
    ['place', (doc.places().out('array') as string[]).flatMap((p) => p.split(/,\s*/))],
  ];
  const out: Candidate[] = [];
  for (const [type, names] of found) {
    const counts = new Map<string, Candidate>();
    for (const raw of names) {
      const name = clean(raw);
      if (!plausible(name)) continue;
      const folded = foldForMatch(name);
      if (known.has(folded)) continue;
      const existing = counts.get(folded);
      if (existing) existing.occurrences++;
      else counts.set(folded, { type, name, folded, occurrences: 1 });
    }
    out.push(...[...counts.values()].sort((a, b) => b.occurrences - a.occurrences || a.name.localeCompare(b.name)).slice(0, MAX_PER_TYPE));
  }
  // The same words tagged as two types keep the type seen more often.
  const best = new Map<string, Candidate>();
  for (const c of out) if ((best.get(c.folded)?.occurrences ?? 0) < c.occurrences) best.set(c.folded, c);
  return [...best.values()];
}
