/** The few parts of citeproc-js (npm `citeproc`, no bundled types) that the exporter uses. */
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): Record<string, unknown>;
  }
  export interface CitationInput {
    citationID: string;
    citationItems: { id: string; locator?: string; label?: string }[];
    properties: { noteIndex: number };
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: 'note' | 'in-text' };
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    rebuildProcessorState(citations: CitationInput[], format?: 'html' | 'text'): [string, number, string][];
    makeBibliography(): false | [Record<string, unknown>, string[]];
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
