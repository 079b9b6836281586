import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult, SerializedNoteDocument } from '../../../../../shared/notes';
import { ApiError } from '../../../../../shared/errors';
import { api } from '../../../api';

export type SaveStatus =
  { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string; retrying: boolean };

/** Commit within this long after typing pauses. */
export const AUTOSAVE_DELAY_MS = 700;
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

interface Options {
  noteId: string;
  initialSaveCount: number;
  initialUpdatedAt: string;
  onSaved: (result: SaveResult) => void;
}

/**
 * Autosave that never claims more than it did. Each edit bumps a generation; "Saved" is shown
 * only when the save that committed carried the newest generation. Saves run one at a time;
 * a failed one keeps the editor's text, shows the error and retries with backoff.
 */
export function useAutosave({ noteId, initialSaveCount, initialUpdatedAt, onSaved }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: initialUpdatedAt });
  const latest = useRef<{ serialize: () => SerializedNoteDocument; document?: SerializedNoteDocument; generation: number } | null>(null);
  const savedGeneration = useRef(0);
  const generation = useRef(0);
  const saveCount = useRef(initialSaveCount);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempt = useRef(0);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(
    (snapshot: 'auto' | 'close' = 'auto'): Promise<void> => {
      clearTimeout(timer.current);
      const run = async (): Promise<void> => {
        const pending = latest.current;
        if (!pending || pending.generation <= savedGeneration.current) {
          // Nothing new to save; on close, record a revision of what is saved. A conflict means the
          // note was replaced meanwhile (a restored revision): then there is nothing to record.
          if (snapshot === 'close' && pending) {
            await api()
              .notes.save({
                id: noteId,
                document: (pending.document ??= pending.serialize()),
                baseSaveCount: saveCount.current,
                snapshot: 'close',
              })
              .then(
                (r) => (saveCount.current = r.saveCount),
                () => undefined,
              );
          }
          return;
        }
        setStatus({ kind: 'saving' });
        pending.document ??= pending.serialize();
        try {
          const result = await api().notes.save({ id: noteId, document: pending.document, baseSaveCount: saveCount.current, snapshot });
          saveCount.current = result.saveCount;
          savedGeneration.current = pending.generation;
          attempt.current = 0;
          onSavedRef.current(result);
          if (pending.generation === generation.current) setStatus({ kind: 'saved', at: result.updatedAt });
          else setStatus({ kind: 'dirty' });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const retrying = !(error instanceof ApiError && (error.code === 'conflict' || error.code === 'invalid_input'));
          setStatus({ kind: 'error', message, retrying });
          // A conflict or a refused document will not fix itself by waiting: the writer must act.
          if (!retrying) return;
          const delay = RETRY_DELAYS_MS[Math.min(attempt.current, RETRY_DELAYS_MS.length - 1)]!;
          attempt.current++;
          timer.current = setTimeout(() => void flush(snapshot), delay);
          return;
        }
        // Typing during the save left a newer generation behind: save it too.
        if (latest.current && latest.current.generation > savedGeneration.current)
          timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      };
      const next = (running.current ?? Promise.resolve()).then(run);
      running.current = next;
      return next;
    },
    [noteId],
  );

  const change = useCallback(
    (serialize: () => SerializedNoteDocument) => {
      generation.current++;
      latest.current = { serialize, generation: generation.current };
      setStatus((s) => (s.kind === 'error' || s.kind === 'dirty' ? s : { kind: 'dirty' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Closing the note or the window saves and records a revision.
  useEffect(() => {
    const onHide = () => void flush('close');
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush('close');
    };
  }, [flush]);

  return {
    status,
    change,
    flush,
    hasUnsaved: () => !!latest.current && latest.current.generation > savedGeneration.current,
    /** Resolves when no save is running (one that is running may be ours, not another writer's). */
    idle: useCallback(() => running.current ?? Promise.resolve(), []),
    /** The note's save count as of this editor's last save. */
    saveCount: useCallback(() => saveCount.current, []),
  };
}
