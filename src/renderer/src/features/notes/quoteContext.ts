import { CITATION_CONTEXT_CHARS } from '../../../../shared/notes';

/** Runs of white space as one space; edge spaces kept, so a quote never runs into its neighbours. */
export const collapseSpaces = (text: string) => text.replace(/\s+/gu, ' ');

/**
 * The words before a quote, as a reader reads them. The stored context is cut at a fixed number of
 * characters, so when it is that long its first word may be cut in half ("…tor of the MSS"): it is
 * dropped. Shorter context starts at the start of the text and is kept whole.
 */
export const contextBefore = (prefix: string) =>
  prefix.length < CITATION_CONTEXT_CHARS ? collapseSpaces(prefix) : collapseSpaces(prefix).replace(/^\S+(?=\s)/u, '');

/** The words after a quote, without a word cut in half at its end (see contextBefore). */
export const contextAfter = (suffix: string) =>
  suffix.length < CITATION_CONTEXT_CHARS ? collapseSpaces(suffix) : collapseSpaces(suffix).replace(/(?<=\s)\S+$/u, '');
