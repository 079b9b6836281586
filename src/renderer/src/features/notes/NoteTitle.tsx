import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../workspace/WorkspaceContext';
import type { NoteDetail, NoteSummary } from '../../../../shared/notes';
import { api } from '../../api';

/** Title and tags, saved when the field is left or Enter is pressed. */
export function NoteTitle({ note, onChange }: { note: NoteDetail; onChange: (summary: NoteSummary) => void }) {
  const [title, setTitle] = useState(note.title);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const tagsInput = useRef<HTMLInputElement>(null);
  const storedTags = note.tags.join(', ');
  // What the store says wins, except in the field the writer is typing into.
  useEffect(() => {
    if (document.activeElement !== titleInput.current) setTitle(note.title);
  }, [note.id, note.title]);
  useEffect(() => {
    if (document.activeElement !== tagsInput.current) setTags(storedTags);
  }, [note.id, storedTags]);
  // A new note puts the caret in its title, ready to name it.
  const { titleToFocus, titleFocused } = useWorkspace();
  useEffect(() => {
    if (titleToFocus !== note.id) return;
    titleInput.current?.focus();
    titleInput.current?.select();
    titleFocused();
  }, [titleToFocus, titleFocused, note.id]);

  const run = (work: Promise<NoteSummary>) =>
    work.then(
      (summary) => {
        setError(null);
        onChange(summary);
      },
      (e: Error) => setError(e.message),
    );
  const commitTitle = () => {
    if (title.trim() && title.trim() !== note.title) void run(api().notes.rename({ id: note.id, title: title.trim() }));
  };
  const commitTags = () => {
    const list = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (list.join(',') !== note.tags.join(',')) void run(api().notes.tag({ id: note.id, tags: list }));
  };
  // Enter in the title goes on to the text, as a writer naming a note expects.
  const onEnter = (commit: () => void) => (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
    if (event.currentTarget === titleInput.current)
      event.currentTarget.closest('.note-pane')?.querySelector<HTMLElement>('.note-content')?.focus();
  };

  return (
    <header className="note-header">
      <input
        ref={titleInput}
        className="note-title"
        aria-label="Note title"
        value={title}
        disabled={!!note.deletedAt}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commitTitle}
        onKeyDown={onEnter(commitTitle)}
      />
      <input
        ref={tagsInput}
        className="note-tags"
        aria-label="Tags"
        placeholder="tags, comma separated"
        value={tags}
        disabled={!!note.deletedAt}
        onChange={(e) => setTags(e.target.value)}
        onBlur={commitTags}
        onKeyDown={onEnter(commitTags)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
