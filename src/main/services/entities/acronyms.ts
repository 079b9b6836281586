/**
 * Acronyms a document defines for itself: "Maldives Police Service (MPS)", "Chinese Communist
 * Party or CCP", "MPS (Maldives Police Service)". Within that document the acronym means that long
 * form and nothing else. The long form is found as in Schwartz & Hearst (2003, "A simple algorithm
 * for identifying abbreviation definitions in biomedical text"): the shortest run of preceding
 * words whose letters spell the acronym in order, its first letter starting a word.
 */
const ACRONYM = String.raw`[A-Z][A-Za-z]*[A-Z][A-Za-z]*`;
const AFTER_LONG = new RegExp(String.raw`(?:\(\s*(${ACRONYM})\s*\)|\bor\s+(${ACRONYM})\b)`, 'g');
const BEFORE_LONG = new RegExp(String.raw`\b(${ACRONYM})\s*\(([^()]{3,120})\)`, 'g');

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The shortest tail of `candidate` whose letters spell `short`, or undefined. */
export function bestLongForm(short: string, candidate: string): string | undefined {
  let l = candidate.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s]!.toLowerCase();
    if (!isAlnum(c)) continue;
    while (l >= 0 && (candidate[l]!.toLowerCase() !== c || (s === 0 && isAlnum(candidate[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
  }
  const start = candidate.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(start).trim();
  return long.length > short.length ? long : undefined;
}

/** The last few words before `end`, as many as an acronym of this length could stand for. */
function windowBefore(text: string, end: number, short: string): string {
  const words = text.slice(0, end).trimEnd().split(/\s+/);
  const size = Math.min(short.length + 5, short.length * 2);
  return words.slice(-size).join(' ');
}

export interface AcronymDefinition {
  acronym: string;
  longForm: string;
}

export function findAcronymDefinitions(passages: readonly string[]): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const text of passages) {
    for (const m of text.matchAll(AFTER_LONG)) {
      const acronym = (m[1] ?? m[2])!;
      const longForm = bestLongForm(acronym, windowBefore(text, m.index, acronym));
      if (longForm) found.push({ acronym, longForm });
    }
    for (const m of text.matchAll(BEFORE_LONG)) {
      const acronym = m[1]!;
      const inside = m[2]!.trim();
      // The parenthesis must spell the acronym from its first word: "MPS (Maldives Police Service)".
      const longForm = bestLongForm(acronym, inside);
      if (longForm && longForm === inside) found.push({ acronym, longForm });
    }
  }
  return found;
}
