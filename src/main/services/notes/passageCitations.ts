import type { NoteRef, PassageCitations } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { citationViews } from './views';

/**
 * Per passage of a source's current text: how many live notes cite it, which, and the cited words
 * (offsets in the passage's displayed text) so the reader can mark them. Citations awaiting review
 * point at an older text and are left out: their words may no longer be where they were.
 */
export function passageCitations(repos: Repositories, sourceId: string): PassageCitations[] {
  const byAnchor = new Map<string, PassageCitations>();
  const notes = new Map<string, NoteRef>();
  for (const r of repos.citations.byPassage(sourceId)) {
    const entry = byAnchor.get(r.passageAnchor) ?? { anchor: r.passageAnchor, count: 0, notes: [], cited: [] };
    entry.count += r.count;
    const ref = { id: r.noteId, title: r.title, updatedAt: r.updatedAt };
    entry.notes.push(ref);
    notes.set(ref.id, ref);
    byAnchor.set(r.passageAnchor, entry);
  }
  for (const [noteId, ref] of notes) {
    for (const c of citationViews(repos, noteId)) {
      const entry = byAnchor.get(c.passageAnchor);
      if (c.sourceId !== sourceId || !entry || !c.passageRange || c.versionId !== c.currentVersionId) continue;
      const same = entry.cited.find((r) => r.start === c.passageRange!.start && r.end === c.passageRange!.end);
      if (same) {
        if (!same.notes.some((n) => n.id === noteId)) same.notes.push(ref);
      } else entry.cited.push({ ...c.passageRange, notes: [ref] });
    }
  }
  return [...byAnchor.values()];
}
