/**
 * The reader and the note editor live in different parts of the tree; a citation request
 * travels between them here. If no editor is open yet, the request waits for the next one.
 */
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

type Listener = (request: CiteRequest) => void;
const listeners = new Set<Listener>();
let pending: CiteRequest | null = null;

export function requestCite(request: CiteRequest): boolean {
  if (listeners.size === 0) {
    pending = request;
    return false;
  }
  for (const listener of listeners) listener(request);
  return true;
}

export function onCiteRequest(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) {
    const request = pending;
    pending = null;
    listener(request);
  }
  return () => listeners.delete(listener);
}

export function hasCiteTarget(): boolean {
  return listeners.size > 0;
}
