/** Words a short title never ends on (CMOS 14.30 keeps the key words). */
const TRAILING = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'as',
  'with',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'from',
  'about',
  'against',
]);

/**
 * CMOS 14.30: a short title is the main title without its subtitle, with no more than four words,
 * keeping the key words; an initial article may go. APA, MLA and Harvard use the same short title
 * for in-text citations of works without an author.
 */
export function deriveShortTitle(title: string | null): string | null {
  const full = title?.trim().replace(/\s+/g, ' ');
  if (!full) return null;
  const main = full.split(/\s*(?::\s|\s[–—]\s|\s-\s)/)[0]!.trim() || full;
  let words = main.split(' ').filter(Boolean);
  if (words.length > 1 && /^(a|an|the)$/i.test(words[0]!)) words = words.slice(1);
  if (words.length > 4) {
    words = words.slice(0, 4);
    while (words.length > 1 && TRAILING.has(words.at(-1)!.toLowerCase())) words.pop();
  }
  const short = words.join(' ').replace(/[,;:.]+$/, '');
  return short && short !== full ? short : null;
}
