import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { NoteDetail, NoteRef, PassageCitations, SaveResult, SerializedNoteDocument } from '../../../shared/notes';
import type { Store } from '../store/store';
import type { NoteRow } from '../store/repositories/notes';
import { emptyDocument } from './document';
import { documentToMarkdown, markdownToDocument } from './markdown';
import { reanchorCitationsForSource } from './reanchor';
import { citationForWords, withCitation } from './cite';
import { acceptProposal } from './review';
import { makeCitationPayload } from './selection';
import { citationViews, noteDetail, noteSummary, revisionSummary } from './views';
import { writeDocument, type WriteOptions } from './write';

export interface NotesServiceOptions {
  store: Store;
  now?: () => Date;
  /** At most one autosave revision per interval; closing a note always records one. */
  revisionIntervalMs?: number;
}

export const DEFAULT_REVISION_INTERVAL_MS = 3 * 60_000;

const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()))].sort((a, b) => a.localeCompare(b));
const ref = (n: { id: string; title: string; updated_at: string }): NoteRef => ({ id: n.id, title: n.title, updatedAt: n.updated_at });

export function noteHandlers(options: NotesServiceOptions): Handlers['notes'] {
  const { store } = options;
  const { repos } = store;
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const writeOptions = (snapshot: WriteOptions['snapshot']): WriteOptions => ({
    now: now(),
    snapshot,
    revisionIntervalMs: options.revisionIntervalMs ?? DEFAULT_REVISION_INTERVAL_MS,
  });

  const find = (id: string): NoteRow => {
    const row = repos.notes.get(id);
    if (!row) throw new ApiError('not_found', `No note with id "${id}".`);
    return row;
  };
  const live = (id: string): NoteRow => {
    const row = find(id);
    if (row.deleted_at) throw new ApiError('conflict', `The note "${row.title}" is in the trash; restore it before changing it.`);
    return row;
  };
  const summary = (id: string) => noteSummary(repos.notes.summary(id)!);

  const create = (title: string, document: SerializedNoteDocument, tags: string[]) =>
    store.write('Creating the note', () => {
      const id = `n-${randomUUID()}`;
      const at = now();
      repos.notes.insert({ id, title, document: JSON.stringify(emptyDocument()), plainText: '', tags: uniqueTags(tags), now: at });
      writeDocument(repos, find(id), document, title, writeOptions('create'));
      return noteDetail(repos, find(id));
    });

  return {
    list: ({ trash, tag }) =>
      repos.notes
        .list(trash === true)
        .map(noteSummary)
        .filter((n) => !tag || n.tags.includes(tag)),
    get: ({ id }) => noteDetail(repos, find(id)),
    create: ({ title, document, tags }) => create(title, document ?? emptyDocument(), tags ?? []),
    createFromMarkdown: ({ title, markdown }) => create(title, markdownToDocument(markdown), []),

    save: ({ id, document, title, baseSaveCount, snapshot }) =>
      store.write('Saving the note', (): SaveResult => {
        const note = live(id);
        if (baseSaveCount !== undefined && baseSaveCount !== note.save_count) {
          throw new ApiError(
            'conflict',
            `The note "${note.title}" was changed elsewhere since this window loaded it; reload it to see both.`,
          );
        }
        const revisionId = writeDocument(
          repos,
          note,
          document,
          title ?? note.title,
          writeOptions(snapshot === 'close' ? 'close' : snapshot === 'none' ? 'none' : 'auto-throttled'),
        );
        const saved = find(id);
        return { id, saveCount: saved.save_count, updatedAt: saved.updated_at, citations: citationViews(repos, id), revisionId };
      }),

    rename: ({ id, title }) =>
      store.write('Renaming the note', () => {
        live(id);
        repos.notes.setTitle(id, title, now());
        return summary(id);
      }),
    tag: ({ id, tags }) =>
      store.write('Tagging the note', () => {
        live(id);
        repos.notes.setTags(id, uniqueTags(tags), now());
        return summary(id);
      }),
    delete: ({ id }) =>
      store.write('Moving the note to the trash', () => {
        if (!find(id).deleted_at) repos.notes.setDeleted(id, now());
        return summary(id);
      }),
    restore: ({ id }) =>
      store.write('Restoring the note', () => {
        find(id);
        repos.notes.setDeleted(id, null);
        return summary(id);
      }),
    emptyTrash: () => {
      const ids = store.write('Emptying the trash', () => {
        const trashed = repos.notes.trashedIds();
        for (const id of trashed) repos.notes.remove(id);
        return trashed;
      });
      return { deleted: ids.length };
    },

    revisions: ({ id }) => (find(id), repos.noteRevisions.list(id).map(revisionSummary)),
    revision: ({ revisionId }) => {
      const row = repos.noteRevisions.get(revisionId);
      if (!row) throw new ApiError('not_found', `No revision ${revisionId}.`);
      return { ...revisionSummary(row), document: JSON.parse(row.document) as SerializedNoteDocument, plainText: row.plain_text };
    },
    restoreRevision: ({ id, revisionId }) =>
      store.write('Restoring the revision', () => {
        const note = live(id);
        const revision = repos.noteRevisions.get(revisionId);
        if (!revision || revision.note_id !== id) throw new ApiError('not_found', `Note "${note.title}" has no revision ${revisionId}.`);
        // The text being replaced becomes a revision too, so a restore can itself be undone.
        const latest = repos.noteRevisions.latest(id);
        if (!latest || latest.document !== note.document || latest.title !== note.title) {
          repos.noteRevisions.insert({
            noteId: id,
            title: note.title,
            document: note.document,
            plainText: note.plain_text,
            reason: 'before-restore',
            now: now(),
          });
        }
        writeDocument(repos, note, JSON.parse(revision.document) as SerializedNoteDocument, revision.title, writeOptions('restore'));
        return noteDetail(repos, find(id));
      }),

    backlinks: ({ target }) => {
      if (target.kind === 'entity') return repos.links.notesMentioning(target.entityId).map(ref);
      if (target.kind === 'note') return repos.links.notesLinkingTo(target.noteId).map(ref);
      return repos.citations
        .byPassage(target.sourceId)
        .filter((r) => r.passage_anchor === target.anchor)
        .map((r) => ({ id: r.note_id, title: r.title, updatedAt: r.updated_at }));
    },
    passageCitations: ({ sourceId }) => {
      const byAnchor = new Map<string, PassageCitations>();
      for (const r of repos.citations.byPassage(sourceId)) {
        const entry = byAnchor.get(r.passage_anchor) ?? { anchor: r.passage_anchor, count: 0, notes: [] };
        entry.count += r.n;
        entry.notes.push({ id: r.note_id, title: r.title, updatedAt: r.updated_at });
        byAnchor.set(r.passage_anchor, entry);
      }
      return [...byAnchor.values()];
    },
    reviewList: () => {
      const titles = new Map<string, string>();
      return repos.citations.needingReview().map((row) => {
        if (!titles.has(row.note_id)) titles.set(row.note_id, repos.notes.get(row.note_id)?.title ?? '');
        const citation = citationViews(repos, row.note_id).find((c) => c.key === row.key)!;
        return { noteId: row.note_id, noteTitle: titles.get(row.note_id)!, citation };
      });
    },
    acceptSuggestion: ({ id, key }) =>
      store.write('Accepting the suggested anchor', (): SaveResult => {
        live(id);
        const row = repos.citations.byNoteKey(id, key);
        if (!row) throw new ApiError('not_found', `Note ${id} has no citation ${key}.`);
        acceptProposal(repos, row, now());
        const note = find(id);
        return { id, saveCount: note.save_count, updatedAt: note.updated_at, citations: citationViews(repos, id), revisionId: null };
      }),

    makeCitation: (input) => makeCitationPayload(repos, input),
    cite: ({ sourceId, quote, occurrence, noteId, newNoteTitle }) => {
      const cited = (note: NoteDetail, key: string) => ({ note, citation: note.citations.find((c) => c.key === key)! });
      if (newNoteTitle !== undefined) {
        const citation = citationForWords(repos, sourceId, quote, occurrence);
        return cited(create(newNoteTitle, withCitation(undefined, citation), []), citation.key);
      }
      return store.write('Citing the words', () => {
        const note = live(noteId!);
        const citation = citationForWords(repos, sourceId, quote, occurrence);
        const document = withCitation(JSON.parse(note.document) as SerializedNoteDocument, citation);
        writeDocument(repos, note, document, note.title, writeOptions('auto-throttled'));
        return cited(noteDetail(repos, find(note.id)), citation.key);
      });
    },
    reanchor: ({ sourceId }) => {
      if (!repos.sources.get(sourceId)) throw new ApiError('not_found', `No source with id "${sourceId}".`);
      return reanchorCitationsForSource(store, sourceId, now());
    },
    markdown: ({ id }) => {
      const note = find(id);
      return { markdown: documentToMarkdown(note.title, JSON.parse(note.document) as SerializedNoteDocument, citationViews(repos, id)) };
    },
  };
}
