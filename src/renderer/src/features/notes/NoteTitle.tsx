import { useEffect, useState } from 'react';
import type { NoteDetail, NoteSummary } from '../../../../shared/notes';
import { api } from '../../api';

/** Title and tags, saved when the field is left or Enter is pressed. */
export function NoteTitle({ note, onChange }: { note: NoteDetail; onChange: (summary: NoteSummary) => void }) {
  const [title, setTitle] = useState(note.title);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTitle(note.title);
    setTags(note.tags.join(', '));
  }, [note.id, note.title, note.tags]);

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
  const onEnter = (commit: () => void) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  };

  return (
    <header className="note-header">
      <input
        className="note-title"
        aria-label="Note title"
        value={title}
        disabled={!!note.deletedAt}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commitTitle}
        onKeyDown={onEnter(commitTitle)}
      />
      <input
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
