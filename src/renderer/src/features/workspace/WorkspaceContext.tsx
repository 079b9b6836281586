import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RECENT_NOTES_KEPT } from '../../../../shared/settings';
import { api } from '../../api';
import { useSettings } from '../../app/settings';
import { useToast } from '../../app/toasts';
import type { CiteRequest } from '../notes/cite';
import { useFirstRun } from './FirstRun';

/** What the open note's editor offers the rest of the workspace. */
export interface NoteTarget {
  noteId: string;
  cite: (request: CiteRequest) => void;
  /** Saves what is unsaved ('close' also records a revision); resolves once it is on disk. */
  flush: (snapshot: 'auto' | 'close') => Promise<void>;
}

interface Workspace {
  /** The note open beside every view; Cite goes into it. */
  openNoteId: string | null;
  recentNoteIds: string[];
  openNote: (id: string) => void;
  closeNote: () => void;
  /** Makes an empty note, opens it and puts the caret in its title. */
  newNote: () => void;
  /** Cites into the open note; with none open, starts one and says so. */
  cite: (request: CiteRequest & { sourceTitle: string | null }) => void;
  /** The open note's editor registers here while it is mounted. */
  attachNote: (target: NoteTarget) => () => void;
  /** Saves the open note now: 'close' before the window closes (recording a revision), 'auto' before reading its history. */
  flushNote: (snapshot?: 'auto' | 'close') => Promise<void>;
  /** In a narrow window the note is a drawer: whether it is showing. */
  drawerOpen: boolean;
  setDrawerOpen: (open: boolean) => void;
  /** A note just made, whose title takes the caret when it shows; its title calls `titleFocused`. */
  titleToFocus: string | null;
  titleFocused: () => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { settings, loaded, update } = useSettings();
  const toast = useToast();
  const { markDone } = useFirstRun();
  const [openNoteId, setOpenNoteId] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [titleToFocus, setTitleToFocus] = useState<string | null>(null);
  const titleFocused = useCallback(() => setTitleToFocus(null), []);
  const target = useRef<NoteTarget | null>(null);
  // Citations asked for before the note's editor is ready (a note being created or loaded).
  const waiting = useRef<CiteRequest[]>([]);
  const recent = useRef<string[]>([]);
  recent.current = settings.recentNoteIds;

  // The note that was open when the app last closed opens again.
  const restored = useRef(false);
  useEffect(() => {
    if (!loaded || restored.current) return;
    restored.current = true;
    setOpenNoteId((current) => current ?? settings.openNoteId);
  }, [loaded, settings.openNoteId]);

  const openNote = useCallback(
    (id: string) => {
      setOpenNoteId(id);
      const recentNoteIds = [id, ...recent.current.filter((r) => r !== id)].slice(0, RECENT_NOTES_KEPT);
      update({ openNoteId: id, recentNoteIds });
    },
    [update],
  );
  const closeNote = useCallback(() => {
    setOpenNoteId(null);
    setDrawerOpen(false);
    update({ openNoteId: null });
  }, [update]);

  const createAndOpen = useCallback(
    async (title: string) => {
      const note = await api().notes.create({ title });
      openNote(note.id);
      setDrawerOpen(true);
      return note;
    },
    [openNote],
  );

  const newNote = useCallback(() => {
    createAndOpen('Untitled note').then(
      (note) => setTitleToFocus(note.id),
      (e: Error) => toast({ message: `No new note: ${e.message}` }),
    );
  }, [createAndOpen, toast]);

  const cite = useCallback(
    ({ sourceTitle, ...request }: CiteRequest & { sourceTitle: string | null }) => {
      setDrawerOpen(true);
      markDone('cite');
      if (target.current && target.current.noteId === openNoteId) {
        target.current.cite(request);
        return;
      }
      waiting.current.push(request);
      if (openNoteId) return; // its editor is on its way
      const title = `Notes on ${sourceTitle ?? request.sourceId}`;
      createAndOpen(title).then(
        () => toast({ message: `No note was open, so this citation started a new one: “${title}”.` }),
        (e: Error) => {
          waiting.current = [];
          toast({ message: `The citation could not start a note: ${e.message}` });
        },
      );
    },
    [openNoteId, createAndOpen, toast, markDone],
  );

  const attachNote = useCallback((next: NoteTarget) => {
    target.current = next;
    const pending = waiting.current;
    waiting.current = [];
    for (const request of pending) next.cite(request);
    return () => {
      if (target.current === next) target.current = null;
    };
  }, []);

  const flushNote = useCallback((snapshot: 'auto' | 'close' = 'auto') => target.current?.flush(snapshot) ?? Promise.resolve(), []);

  const value = useMemo<Workspace>(
    () => ({
      openNoteId,
      recentNoteIds: settings.recentNoteIds,
      openNote,
      closeNote,
      newNote,
      cite,
      attachNote,
      flushNote,
      drawerOpen,
      setDrawerOpen,
      titleToFocus,
      titleFocused,
    }),
    [openNoteId, settings.recentNoteIds, openNote, closeNote, newNote, cite, attachNote, flushNote, drawerOpen, titleToFocus, titleFocused],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
