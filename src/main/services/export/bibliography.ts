import type { SourceMetadata } from '../../../shared/domain';
import type { BibliographyFormat } from '../../../shared/export';
import { worksToBibtex } from './bibtex';
import { toCslItem, type CslItem } from './csl';
import { worksToRis } from './ris';
import { workFromSource, type CitableWork } from './work';

export interface BibSource {
  id: string;
  metadata: SourceMetadata;
  mediaType: string;
  /** When the text was captured (ISO date or timestamp): printed as the access date, so exported too. */
  accessed?: string | null;
  /** The library's tags on the source, written as keywords. */
  tags?: readonly string[];
}

/** Every bibliography format is written from the same citable works the report's citations use. */
export const worksOf = (sources: BibSource[]): CitableWork[] => sources.map(workFromSource);

/** CSL-JSON as Zotero and Pandoc read it; ids are the notebook's source ids. */
export function sourcesToCslJson(sources: BibSource[]): CslItem[] {
  return worksOf(sources).map((work) => toCslItem(work, { forEngine: false }));
}

export const sourcesToBibtex = (sources: BibSource[]) => worksToBibtex(worksOf(sources));
export const sourcesToRis = (sources: BibSource[]) => worksToRis(worksOf(sources));

export function formatBibliography(sources: BibSource[], format: BibliographyFormat): string {
  if (format === 'csljson') return JSON.stringify(sourcesToCslJson(sources), null, 2) + '\n';
  if (format === 'bibtex') return sourcesToBibtex(sources);
  return sourcesToRis(sources);
}
