import type { ResolvedNote, ResolvedReport } from '../../../shared/export';
import { quoted } from './punctuation';
import { webAddress } from '../../../shared/url';

/** External links only by the one web-address rule (http, https, DOI); internal ones only to a section of the same report. */
export function linkTarget(href: string): { href: string; internal: boolean } | null {
  if (/^#section-[A-Za-z0-9_-]+$/.test(href)) return { href, internal: true };
  const url = webAddress(href);
  return url ? { href: url, internal: false } : null;
}

/** Kept for callers that only want web links. */
export function safeHref(href: string): string | null {
  const target = linkTarget(href);
  return target && !target.internal ? target.href : null;
}

/**
 * Splits text around the web addresses in it (bibliography entries print their URL), leaving
 * sentence punctuation after an address outside it.
 */
export function splitUrls(text: string): { text: string; url?: string }[] {
  const parts: { text: string; url?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = m[0].replace(/[.,;:)\]]+$/, '');
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: url, url });
    last = m.index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The quote a note carries, in the report locale's quotation marks. */
export const noteQuote = (report: ResolvedReport, note: ResolvedNote): string | null =>
  note.quote ? quoted(note.quote, report.quoteMarks) : null;

/** The section anchors some internal link points to (a hidden section title still needs its anchor then). */
export function linkedAnchors(report: ResolvedReport): Set<string> {
  const anchors = new Set<string>();
  for (const section of report.sections)
    for (const block of section.blocks)
      for (const line of block.kind === 'list' ? block.items : [block.content])
        for (const inline of line) if (inline.kind === 'link' && inline.href.startsWith('#section-')) anchors.add(inline.href.slice(1));
  return anchors;
}
