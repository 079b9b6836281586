import { createContext, useContext } from 'react';
import type { CitationView } from '../../../../shared/notes';

export interface CitationContextValue {
  /** The store's view of each citation in the open note, by key: where it is anchored now, and its status. */
  byKey: ReadonlyMap<string, CitationView>;
  /** The note these chips belong to, so a chip can open the reader beside it. */
  noteId: string | null;
}

export const CitationContext = createContext<CitationContextValue>({ byKey: new Map(), noteId: null });

export const useCitationContext = () => useContext(CitationContext);
