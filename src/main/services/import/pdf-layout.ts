import { parseAuthorList, isLiteralName, type AuthorName } from '../../../shared/names';
import { normalizeWhitespace } from '../../../shared/text';

/**
 * The first page read as a reader sees it: lines with their type size and place, so the title
 * (the largest type near the top) and the author lines below it can be told from the running
 * head, the journal line and the body. pdf.js gives each text run its transform: the type size
 * is the transform's vertical scale, the baseline its y (PDF units, origin bottom left).
 */
export interface LayoutItem {
  str: string;
  x: number;
  y: number;
  size: number;
}

export interface Line {
  text: string;
  y: number;
  size: number;
  /** The text without runs set noticeably smaller than the line (superscript affiliation marks). */
  mainText: string;
}

export interface FirstPage {
  items: LayoutItem[];
  /** The y of the page's top and bottom edges, in PDF units. */
  top: number;
  bottom: number;
}

/** Runs on one baseline (within a third of their size) form a line, read left to right. */
export function linesOf(items: readonly LayoutItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() && i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: LayoutItem[][] = [];
  for (const item of sorted) {
    const group = groups.find((g) => Math.abs(g[0]!.y - item.y) <= Math.max(g[0]!.size, item.size) * 0.35);
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      group.sort((a, b) => a.x - b.x);
      // The line's size is the size most of its characters are set in.
      const weights = new Map<number, number>();
      for (const i of group) weights.set(round(i.size), (weights.get(round(i.size)) ?? 0) + i.str.length);
      const size = [...weights].sort((a, b) => b[1] - a[1])[0]![0];
      const join = (runs: LayoutItem[]) =>
        normalizeWhitespace(
          runs
            .map((r) => r.str)
            .join(' ')
            .replace(/\s+([,;.:])/g, '$1'),
        );
      return {
        text: join(group),
        mainText: join(group.filter((i) => i.size >= size * 0.8)),
        y: Math.max(...group.map((i) => i.y)),
        size,
      };
    })
    .sort((a, b) => b.y - a.y);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The size most of the page's characters are set in: its body text. */
function bodySize(lines: readonly Line[]): number {
  const weights = new Map<number, number>();
  for (const l of lines) weights.set(l.size, (weights.get(l.size) ?? 0) + l.text.length);
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Lines that are never a title however large: labels, identifiers, a journal's volume line, page furniture. */
const NOT_TITLE =
  /^(?:abstract|summary|contents|table of contents|introduction|keywords?|article|research article|original (?:article|research)|review|open access|preprint|doi\b|https?:|www\.|©|copyright|received|accepted|published|vol(?:ume)?\.?\s*\d|issn|isbn|page \d|\d+$)/i;

export interface TitleFound {
  title: string;
  /** How much larger than the body text the title is set: large means sure. */
  confidence: 'high' | 'medium';
  /** Index of the title's last line in `lines`. */
  end: number;
}

/**
 * The title: the largest type in the top half of the first page, over several lines if they are
 * set the same and close together. Returns null where nothing stands out from the body text.
 */
export function titleFromLayout(page: FirstPage, lines: readonly Line[]): TitleFound | null {
  const body = bodySize(lines);
  const top = page.bottom + (page.top - page.bottom) * 0.45;
  const candidates = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.y >= top && /\p{L}{2}/u.test(line.text) && !NOT_TITLE.test(line.text) && !looksLikeJournalLine(line.text));
  if (!candidates.length) return null;
  const largest = Math.max(...candidates.map((c) => c.line.size));
  if (largest < body * 1.15) return null;
  const first = candidates.find((c) => c.line.size === largest)!;
  const parts = [first.line.text];
  let end = first.index;
  for (let i = first.index + 1; i < lines.length; i++) {
    const next = lines[i]!;
    const gap = lines[i - 1]!.y - next.y;
    if (Math.abs(next.size - largest) > largest * 0.08 || gap > largest * 2.2 || NOT_TITLE.test(next.text)) break;
    parts.push(next.text);
    end = i;
  }
  const title = normalizeWhitespace(parts.join(' ').replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2'));
  if (title.length < 4 || title.split(' ').length < 2) return null;
  return { title, confidence: largest >= body * 1.4 ? 'high' : 'medium', end };
}

/** Affiliations, addresses and labels that share the author block but name no author. */
const NOT_AUTHORS =
  /\b(?:universit|department|dept\.|institute|school|college|faculty|centre|center|laborator|academy|hospital|ministry|street|road|avenue|province|email|e-mail|correspond|received|accepted|published|abstract|keywords|journal|vol\.|volume|press|publications?|publishing|copyright|doi|https?:|www\.)/i;

/** "By Xie Maosong and Li Na", "Xie Maosong1,2, Li Na3*": names, with their footnote marks removed. */
function namesOnLine(text: string): AuthorName[] | null {
  if (NOT_AUTHORS.test(text) || /@/.test(text)) return null;
  const cleaned = text
    .replace(/^by\s+/i, '')
    .replace(/(\p{L})[\d*†‡§¶,]+(?=\s|$|,)/gu, '$1,')
    .replace(/[*†‡§¶]/g, '')
    .replace(/,\s*,/g, ',')
    .replace(/,\s*$/, '');
  const names = parseAuthorList(cleaned);
  if (!names.length || names.length > 30) return null;
  const people = names.every((n) => !isLiteralName(n) && n.family.length > 1 && n.given);
  return people ? names : null;
}

/** The author lines right under the title, before the abstract, affiliations or body begin. */
export function authorsFromLayout(lines: readonly Line[], title: TitleFound): AuthorName[] {
  const found: AuthorName[] = [];
  for (let i = title.end + 1; i < Math.min(lines.length, title.end + 5); i++) {
    const names = namesOnLine(lines[i]!.mainText);
    if (names) found.push(...names);
    else if (found.length) break;
  }
  return found;
}

/** "Journal 39 (3): 361-365", "Journal of Peace Research, 2019, 56(2), 255–270", "Lancet 2019;393:123–45". */
export function looksLikeJournalLine(text: string): boolean {
  return /\d+\s*\(\s*[\w–-]+\s*\)\s*[:,]\s*(?:pp?\.\s*)?\d+|\b\d{4}\s*;\s*\d+\s*(?:\(\w+\))?\s*:\s*\d+|\bvol(?:ume)?\.?\s*\d+\s*,\s*(?:no|issue)\.?\s*\d+/i.test(
    text,
  );
}
