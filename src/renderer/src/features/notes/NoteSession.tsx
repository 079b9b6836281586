import { useCallback, useMemo, useRef, useState } from 'react';
import type { CitationView, NoteDetail, SaveResult } from '../../../../shared/notes';
import { api } from '../../api';
import { useChanged } from '../../app/useChanged';
import { useWorkspace } from '../workspace/WorkspaceContext';
import type { CiteRequest } from './cite';
import { CitationCard } from './CitationCard';
import { CitationContext } from './citationContext';
import { NoteEditor } from './editor/NoteEditor';
import { useAutosave } from './editor/useAutosave';
import { SaveStatusBadge } from './SaveStatusBadge';
import { TokenClicks, useOpenToken } from './TokenClicks';

interface Props {
  note: NoteDetail;
  onSaved: (result: SaveResult) => void;
  /** What the store says about the note now, when a commit (here or elsewhere) touched it. */
  onStored: (fresh: NoteDetail, changedElsewhere: boolean) => void;
}

const citationState = (c: CitationView) => `${c.key}|${c.status}|${c.versionId}|${c.start}|${c.end}|${c.passageOrdinal}`;
function sameCitations(a: CitationView[], b: CitationView[]): boolean {
  return a.length === b.length && a.every((c, i) => citationState(c) === citationState(b[i]!));
}

/** One editing session of one note: the editor, its autosave and what the store says about its citations. */
export function NoteSession({ note, onSaved, onStored }: Props) {
  const [citations, setCitations] = useState<CitationView[]>(note.citations);
  const [editorError, setEditorError] = useState<string | null>(null);
  // Most saves change no citation; keeping the same array spares every chip a re-render.
  const keepCitations = useCallback(
    (next: CitationView[]) => setCitations((previous) => (sameCitations(previous, next) ? previous : next)),
    [],
  );
  const handleSaved = useCallback(
    (result: SaveResult) => {
      keepCitations(result.citations);
      onSaved(result);
    },
    [onSaved, keepCitations],
  );
  const autosave = useAutosave({
    noteId: note.id,
    initialSaveCount: note.saveCount,
    initialUpdatedAt: note.updatedAt,
    onSaved: handleSaved,
  });
  const { flush, idle, saveCount } = autosave;

  // A commit touched this note: ours (a save), a re-anchoring after its source changed, or another
  // window or the CLI writing it. Only a newer save count than this editor's last save is someone else's.
  useChanged([{ kind: 'note', noteId: note.id }], () => {
    void idle()
      .then(() => api().notes.get({ id: note.id }))
      .then(
        (fresh) => {
          keepCitations(fresh.citations);
          onStored(fresh, fresh.saveCount > saveCount());
        },
        () => undefined, // a note deleted for ever: the pane's own load says so
      );
  });

  const workspace = useWorkspace();
  const { attachNote } = workspace;
  const attach = useCallback(
    (cite: (request: CiteRequest) => void) => attachNote({ noteId: note.id, cite, flush }),
    [attachNote, note.id, flush],
  );
  const context = useMemo(() => ({ byKey: new Map(citations.map((c) => [c.key, c])), noteId: note.id }), [citations, note.id]);
  const container = useRef<HTMLDivElement>(null);
  const onBlur = useCallback(() => void flush(), [flush]);
  const reviewCount = citations.filter((c) => c.status === 'review' || c.status === 'orphaned').length;

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
        <SessionEditor note={note} onChange={autosave.change} onBlur={onBlur} onError={setEditorError} attach={attach} />
        <CitationCard container={container} />
        <TokenClicks container={container} />
      </div>
    </CitationContext.Provider>
  );
}

/** The editor with what opening a token needs from the context (kept apart so the editor stays memoised). */
function SessionEditor(props: Omit<React.ComponentProps<typeof NoteEditor>, 'noteId' | 'document' | 'openToken'> & { note: NoteDetail }) {
  const open = useOpenToken();
  const openRef = useRef(open);
  openRef.current = open;
  const openToken = useCallback((target: Parameters<typeof open>[0]) => openRef.current(target), []);
  const { note, ...rest } = props;
  return <NoteEditor noteId={note.id} document={note.document} openToken={openToken} {...rest} />;
}
