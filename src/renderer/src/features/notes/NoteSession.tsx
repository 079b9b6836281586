import { useCallback, useMemo, useRef, useState } from 'react';
import { isUndecided, type CitationView, type NoteDetail, type SaveResult } from '../../../../shared/notes';
import { CitationCard, CitationClicks } from './CitationCard';
import { CitationContext } from './citationContext';
import { NoteEditor } from './editor/NoteEditor';
import { useAutosave } from './editor/useAutosave';
import { notifyNoteSaved } from './noteSaves';
import { SaveStatusBadge } from './SaveStatusBadge';

interface Props {
  note: NoteDetail;
  onSaved: (result: SaveResult) => void;
}

const citationState = (c: CitationView) => `${c.key}|${c.status}|${c.versionId}|${c.start}|${c.end}|${c.passageOrdinal}`;
function sameCitations(a: CitationView[], b: CitationView[]): boolean {
  return a.length === b.length && a.every((c, i) => citationState(c) === citationState(b[i]!));
}

/** One editing session of one note: the editor, its autosave and what the store says about its citations. */
export function NoteSession({ note, onSaved }: Props) {
  const [citations, setCitations] = useState<CitationView[]>(note.citations);
  const [editorError, setEditorError] = useState<string | null>(null);
  const handleSaved = useCallback(
    (result: SaveResult) => {
      // Most saves change no citation; keeping the same array spares every chip a re-render.
      setCitations((previous) => (sameCitations(previous, result.citations) ? previous : result.citations));
      onSaved(result);
      notifyNoteSaved();
    },
    [onSaved],
  );
  const autosave = useAutosave({
    noteId: note.id,
    initialSaveCount: note.saveCount,
    initialUpdatedAt: note.updatedAt,
    onSaved: handleSaved,
  });
  const context = useMemo(() => ({ byKey: new Map(citations.map((c) => [c.key, c])), noteId: note.id }), [citations, note.id]);
  const container = useRef<HTMLDivElement>(null);
  const { flush } = autosave;
  const onBlur = useCallback(() => void flush(), [flush]);
  const reviewCount = citations.filter((c) => isUndecided(c.status)).length;

  return (
    <CitationContext.Provider value={context}>
      <div className="note-session" ref={container}>
        <div className="note-status-line">
          <SaveStatusBadge status={autosave.status} />
          {reviewCount > 0 && (
            <a className="review-count" href="#/review">
              {reviewCount} citation{reviewCount === 1 ? '' : 's'} need{reviewCount === 1 ? 's' : ''} review
            </a>
          )}
          {editorError && (
            <span className="error" role="alert">
              {editorError}
            </span>
          )}
        </div>
        <NoteEditor noteId={note.id} document={note.document} onChange={autosave.change} onBlur={onBlur} onError={setEditorError} />
        <CitationCard container={container} />
        <CitationClicks container={container} />
      </div>
    </CitationContext.Provider>
  );
}
