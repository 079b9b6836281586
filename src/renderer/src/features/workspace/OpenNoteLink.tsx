import type { ReactNode } from 'react';
import { routeHref } from '../../app/route';
import { useWorkspace } from './WorkspaceContext';

/** A link to a note that opens it beside the current view instead of leaving it. */
export function OpenNoteLink({ noteId, children, className }: { noteId: string; children: ReactNode; className?: string }) {
  const { openNote } = useWorkspace();
  return (
    <a
      className={className}
      href={routeHref('notes', [noteId])}
      onClick={(e) => {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        openNote(noteId);
      }}
    >
      {children}
    </a>
  );
}
