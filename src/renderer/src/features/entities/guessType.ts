import type { EntityType } from '../../../../shared/domain';

const BY_WORD: [RegExp, EntityType][] = [
  [/\b(act|law|code|regulations?|statute|directive|treaty|convention|constitution|bill)\b/i, 'law'],
  [/\b(summit|congress|conference|war|election|olympics|games|protests?|uprising|massacre|crisis|visit|meeting|forum)\b/i, 'event'],
  [
    /\b(ministry|department|agency|bureau|office|party|council|committee|commission|court|police|army|navy|company|corp(oration)?|inc|ltd|bank|university|institute|association|union|group|service|times|news|press)\b/i,
    'organization',
  ],
  [/\b(city|province|county|district|river|mountains?|island|republic|kingdom|state|street|square|lake|sea)\b/i, 'place'],
];

/**
 * A first guess at what a typed name is, for "Create entity" in a note's @ list: a few telling
 * words, else a person (the commonest). The list shows the guess, and the panel changes it.
 */
export function guessEntityType(name: string): EntityType {
  const words = name.trim();
  if (/^[A-Z]{2,6}$/.test(words)) return 'organization';
  return BY_WORD.find(([re]) => re.test(words))?.[1] ?? 'person';
}
