/**
 * What a document states in its text, found by pattern: identifiers (with their check digits
 * verified, so a page number is never taken for an ISSN), a journal's citation line, and a
 * publication date where the text gives one. Patterns are strict on purpose: a field the text
 * does not clearly state stays unknown. (A natural-language date parser would read "spring" or a
 * bare day as a date and fill in what is missing — the year, the month — which is inventing.)
 */

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;

/** The first DOI in the text, preferring one labelled "doi" or written as a doi.org link. */
export function findDoi(text: string): string | null {
  const labelled = /(?:doi\s*:?\s*|doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+)/i.exec(text)?.[1];
  const doi = labelled ?? DOI.exec(text)?.[1];
  return doi ? doi.replace(/[.,;:)\]}>]+$/, '') : null;
}

function issnValid(digits: string): boolean {
  const sum = [...digits.slice(0, 7)].reduce((s, d, i) => s + Number(d) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return digits[7]!.toUpperCase() === (check === 10 ? 'X' : String(check));
}

export function findIssn(text: string): string | null {
  for (const m of text.matchAll(/\b(?:[ep]-?)?ISSN(?:\s*\((?:print|online|electronic)\))?\s*:?\s*(\d{4})\s*[-–]\s*(\d{3}[\dXx])\b/gi)) {
    const digits = m[1]! + m[2]!;
    if (issnValid(digits)) return `${m[1]}-${m[2]!.toUpperCase()}`;
  }
  return null;
}

function isbnValid(digits: string): boolean {
  if (digits.length === 10) {
    const sum = [...digits].reduce((s, d, i) => s + (d.toUpperCase() === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  if (digits.length === 13 && /^97[89]\d{10}$/.test(digits))
    return [...digits].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0) % 10 === 0;
  return false;
}

export function findIsbn(text: string): string | null {
  for (const m of text.matchAll(
    /\bISBN(?:-1[03])?(?:\s*\((?:print|pdf|online|electronic|hardback|paperback|e-?book)\))?\s*:?\s*([\dXx][\d\s-]{8,16}[\dXx])\b/gi,
  )) {
    const raw = m[1]!.trim();
    if (isbnValid(raw.replace(/[\s-]/g, ''))) return raw.replace(/\s+/g, '-');
  }
  return null;
}

export interface JournalLine {
  containerTitle: string;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  year: string | null;
}

const JOURNAL = String.raw`(?<journal>\p{Lu}[\p{L}\p{M}&.,'’:\- ]{2,150}?)`;
const PAGES = String.raw`(?:pp?\.\s*)?(?<pages>[A-Za-z]?\d{1,6}(?:\s*[-–]\s*[A-Za-z]?\d{1,6})?)`;
const JOURNAL_LINES = [
  // "Journal 39 (3): 361-365", "Science 312(5776):1034–1037", "Journal of X (2019) 12(3), 45–67"
  new RegExp(
    String.raw`^${JOURNAL}\s*,?\s*(?:\((?<year>\d{4})\)\s*,?\s*)?(?:vol(?:ume)?\.?\s*)?(?<volume>\d{1,4})\s*\((?<issue>[\w–-]{1,12})\)\s*[:,]\s*${PAGES}(?:\s*[,(]?\s*(?<year2>\d{4})\)?)?`,
    'iu',
  ),
  // "Journal of Peace Research, 2019, 56(2), 255–270"
  new RegExp(
    String.raw`^${JOURNAL}\s*,\s*(?<year>\d{4})\s*,\s*(?:vol\.\s*)?(?<volume>\d{1,4})\s*(?:\((?<issue>[\w–-]{1,12})\))?\s*,\s*${PAGES}`,
    'iu',
  ),
  // "Lancet 2019;393:123–45" (Vancouver)
  new RegExp(String.raw`^${JOURNAL}\.?\s+(?<year>\d{4})\s*;\s*(?<volume>\d{1,4})\s*(?:\((?<issue>[\w–-]{1,12})\))?\s*:\s*${PAGES}`, 'iu'),
  // "Journal of X, Vol. 39, No. 3 (2019), pp. 361-365", "Vol. 39, No. 3, pp. 361–365"
  new RegExp(
    String.raw`^(?:${JOURNAL}\s*,?\s+)?vol(?:ume)?\.?\s*(?<volume>\d{1,4})\s*,\s*(?:no|issue|number)\.?\s*(?<issue>[\w–-]{1,12})\s*(?:\((?<year>(?:\p{L}+\.?\s+)?\d{4})\))?\s*,?\s*(?:${PAGES})?`,
    'iu',
  ),
];

/** A journal's citation line on the first page: container, volume, issue, pages, and the year if the line gives it. */
export function findJournalLine(lines: readonly string[]): JournalLine | null {
  for (const line of lines) {
    if (line.length > 220) continue;
    for (const pattern of JOURNAL_LINES) {
      const g = pattern.exec(line)?.groups;
      if (!g) continue;
      const containerTitle =
        g.journal
          ?.replace(/^(?:published in|in:)\s*/i, '')
          .replace(/[\s,.:]+$/, '')
          .trim() ?? '';
      if (containerTitle && (!/\p{L}{3}/u.test(containerTitle) || containerTitle.split(' ').length > 14)) continue;
      if (!containerTitle && !g.volume) continue;
      const year = (g.year ?? g.year2)?.match(/\d{4}/)?.[0] ?? null;
      return {
        containerTitle,
        volume: g.volume ?? null,
        issue: g.issue ?? null,
        pages: g.pages?.replace(/\s*[-–]\s*/, '–') ?? null,
        year: year && plausibleYear(year) ? year : null,
      };
    }
  }
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const monthNumber = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const plausibleYear = (year: string) => Number(year) >= 1800 && Number(year) <= new Date().getFullYear() + 1;

/** "12 March 2023", "March 12, 2023", "March 2023", "2023-03-12" → ISO; anything less certain → null. */
export function statedDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso && plausibleYear(iso[1]!)) return iso[0];
  const dmy = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s*,?\s+(\d{4})\b`, 'i').exec(text);
  if (dmy && plausibleYear(dmy[3]!)) return `${dmy[3]}-${pad(monthNumber(dmy[2]!))}-${pad(Number(dmy[1]))}`;
  const mdy = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\s*,\s*(\d{4})\b`, 'i').exec(text);
  if (mdy && plausibleYear(mdy[3]!)) return `${mdy[3]}-${pad(monthNumber(mdy[1]!))}-${pad(Number(mdy[2]))}`;
  const my = new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'i').exec(text);
  if (my && plausibleYear(my[2]!)) return `${my[2]}-${pad(monthNumber(my[1]!))}`;
  return null;
}

/**
 * The publication date the first page states: a labelled one ("Published: 5 May 2023",
 * "Published online 2023-05-05"), else a line that is only a date (a report's cover: "May
 * 2023"). A copyright year ("© 2023 …") gives the year, less surely.
 */
export function findStatedDate(lines: readonly string[]): { date: string; confidence: 'high' | 'medium' } | null {
  for (const line of lines) {
    const labelled =
      /\b(?:published(?:\s+online)?|publication date|date of publication|first published|issued|released)\s*:?\s*(?:on\s+)?(.{4,40})/i.exec(
        line,
      );
    const date = labelled ? statedDate(labelled[1]!) : null;
    if (date) return { date, confidence: 'high' };
  }
  for (const line of lines) {
    const alone = line.replace(/^(?:date|dated)\s*:\s*/i, '').trim();
    if (
      alone.length <= 24 &&
      new RegExp(String.raw`^(?:\d{1,2}\s+)?${MONTH}\s+(?:\d{1,2},\s+)?\d{4}$|^\d{4}-\d{2}-\d{2}$`, 'i').test(alone)
    ) {
      const date = statedDate(alone);
      if (date) return { date, confidence: 'medium' };
    }
  }
  for (const line of lines) {
    const year = /(?:©|\(c\)|copyright)\s*(\d{4})\b/i.exec(line)?.[1];
    if (year && plausibleYear(year)) return { date: year, confidence: 'medium' };
  }
  return null;
}
