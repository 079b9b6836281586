import fs from 'node:fs';
import path from 'node:path';
import CSL, { type Engine } from 'citeproc';
import type { CitationStyle, QuoteMarks, ReportLocale } from '../../../shared/export';
import type { CslItem } from './csl';

/** The official CSL files (citation-style-language/styles), unmodified: see resources/csl/LICENSE.md. */
export const STYLE_FILES: Record<CitationStyle, string> = {
  chicago: 'chicago-shortened-notes-bibliography.csl',
  apa: 'apa.csl',
  mla: 'modern-language-association.csl',
  harvard: 'harvard-cite-them-right.csl',
};

/**
 * CMOS 18 (14.29) allows shortened notes only where a bibliography lists the full details; a
 * report without one needs full first notes or its notes would not identify the sources.
 */
export function styleFileFor(style: CitationStyle, includeBibliography: boolean): string {
  return style === 'chicago' && !includeBibliography ? 'chicago-notes-bibliography.csl' : STYLE_FILES[style];
}

const localeFile = (locale: string) => `locales-${locale}.xml`;

function reader(resourcesDir: string) {
  const cslDir = path.join(resourcesDir, 'csl');
  return (file: string) => {
    try {
      return fs.readFileSync(path.join(cslDir, file), 'utf8');
    } catch {
      throw new Error(`The citation style file ${path.join(cslDir, file)} is missing: reinstall Sourcebook.`);
    }
  };
}

const quoteCache = new Map<string, QuoteMarks>();

/** Quotation marks as the locale's CSL terms give them (en-US “‘…’”, en-GB ‘“…”’). */
export function localeQuotes(resourcesDir: string, locale: ReportLocale): QuoteMarks {
  const key = `${resourcesDir}\u0000${locale}`;
  let marks = quoteCache.get(key);
  if (!marks) {
    const xml = reader(resourcesDir)(localeFile(locale));
    const term = (name: string, fallback: string) => new RegExp(`<term name="${name}">([^<]*)</term>`).exec(xml)?.[1] ?? fallback;
    marks = {
      open: term('open-quote', '“'),
      close: term('close-quote', '”'),
      openInner: term('open-inner-quote', '‘'),
      closeInner: term('close-inner-quote', '’'),
    };
    quoteCache.set(key, marks);
  }
  return marks;
}

/** Whether the locale puts a following period or comma inside closing quotation marks (American usage). */
export function punctuationInQuote(resourcesDir: string, locale: ReportLocale): boolean {
  return /punctuation-in-quote="true"/.test(reader(resourcesDir)(localeFile(locale)));
}

interface CachedEngine {
  engine: Engine;
  items: Map<string, CslItem>;
}

/**
 * Building an engine costs up to a second for large styles (APA), so one engine per style and
 * locale is kept and reset for each export; item ids carry a per-run prefix so no stale metadata
 * is ever reused.
 */
const engines = new Map<string, CachedEngine>();
let runCounter = 0;

export function styleEngine(resourcesDir: string, styleFile: string, locale: ReportLocale): CachedEngine & { prefix: string } {
  const key = `${resourcesDir}\u0000${styleFile}\u0000${locale}`;
  let cached = engines.get(key);
  if (!cached) {
    const read = reader(resourcesDir);
    const locales = new Map<string, string>();
    const items = new Map<string, CslItem>();
    const engine = new CSL.Engine(
      {
        // citeproc asks for the report's locale and falls back to en-US; both are shipped.
        retrieveLocale: (lang) => {
          const wanted = lang === 'en' ? 'en-US' : lang;
          if (wanted !== 'en-US' && wanted !== locale) return undefined;
          if (!locales.has(wanted)) locales.set(wanted, read(localeFile(wanted)));
          return locales.get(wanted);
        },
        retrieveItem: (id) => {
          const item = items.get(id);
          if (!item) throw new Error(`citeproc asked for an unknown item ${id}.`);
          return item as unknown as Record<string, unknown>;
        },
      },
      read(styleFile),
      locale,
      true,
    );
    engine.setOutputFormat('html');
    cached = { engine, items };
    engines.set(key, cached);
  }
  runCounter += 1;
  cached.items.clear();
  return { ...cached, prefix: `r${runCounter}-` };
}
