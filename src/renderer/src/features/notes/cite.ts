/** A reader selection (or a whole passage) to be cited into the open note. */
export interface CiteRequest {
  sourceId: string;
  passageAnchor: string;
  start: number;
  end: number;
  /** Also insert the quoted words as a block quote before the chip. */
  withQuote: boolean;
}

/** The MIME type a reader selection is dragged with. */
export const CITE_DRAG_TYPE = 'application/x-sourcebook-cite';
