import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type {
  AnchorEvent,
  NoteDetail,
  NoteRef,
  PassageCitations,
  ReviewItem,
  SaveResult,
  SerializedNoteDocument,
} from '../../../shared/notes';
import type { Store } from '../store/store';
import type { NoteRecord } from '../store/repositories/notes';
import { emptyDocument } from './document';
import { passageCitations as citedPassages } from './passageCitations';
import { markdownToDocumentOffThread } from '../markdown/client';
import { documentToMarkdown } from './markdown';
import { currentTarget, pointAt, reanchorCitationsForSource } from './reanchor';
import { makeCitationPayload, type SelectionInput } from './selection';
import { citationViews, noteDetail, noteSummary, revisionSummary } from './views';
import { writeDocument, type WriteOptions } from './write';

export interface NotesServiceOptions {
  store: Store;
  now?: () => Date;
  /** At most one autosave revision per interval (later pauses update it); closing a note always records one. */
  revisionIntervalMs?: number;
}

export const DEFAULT_REVISION_INTERVAL_MS = 60_000;

type Input<C extends keyof Handlers['notes']> = Parameters<Handlers['notes'][C]>[0];
export type SaveInput = Input<'save'>;
export type BacklinkTarget = Input<'backlinks'>['target'];
export type NotesService = ReturnType<typeof createNotesService>;

const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()))].sort((a, b) => a.localeCompare(b));

export function createNotesService(options: NotesServiceOptions) {
  const { store } = options;
  const { repos } = store;
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const writeOptions = (snapshot: WriteOptions['snapshot']): WriteOptions => ({
    now: now(),
    snapshot,
    revisionIntervalMs: options.revisionIntervalMs ?? DEFAULT_REVISION_INTERVAL_MS,
  });

  const find = (id: string): NoteRecord => {
    const note = repos.notes.get(id);
    if (!note) throw new ApiError('not_found', `No note with id "${id}".`);
    return note;
  };
  const live = (id: string): NoteRecord => {
    const note = find(id);
    if (note.deletedAt) throw new ApiError('conflict', `The note "${note.title}" is in the trash; restore it before changing it.`);
    return note;
  };
  const summary = (id: string) => noteSummary(repos.notes.summary(id)!);
  const saved = (id: string, revisionId: number | null): SaveResult => {
    const note = find(id);
    return { id, saveCount: note.saveCount, updatedAt: note.updatedAt, citations: citationViews(repos, id), revisionId };
  };

  function create(title: string, document: SerializedNoteDocument = emptyDocument(), tags: readonly string[] = []): NoteDetail {
    return store.write('Creating the note', () => {
      const id = `n-${randomUUID()}`;
      const documentJson = JSON.stringify(emptyDocument());
      repos.notes.insert({ id, title, documentJson, plainText: '', tags: uniqueTags(tags), now: now() });
      writeDocument(repos, id, document, title, writeOptions('create'));
      return noteDetail(repos, id);
    });
  }

  function save({ id, document, title, baseSaveCount, snapshot }: SaveInput): SaveResult {
    return store.write('Saving the note', () => {
      const note = live(id);
      if (baseSaveCount !== undefined && baseSaveCount !== note.saveCount) {
        throw new ApiError(
          'conflict',
          `The note "${note.title}" was changed elsewhere since this window loaded it; reload it to see both.`,
        );
      }
      const mode = snapshot === 'close' ? 'close' : snapshot === 'none' ? 'none' : 'auto-throttled';
      return saved(id, writeDocument(repos, id, document, title ?? note.title, writeOptions(mode)));
    });
  }

  function restoreRevision(id: string, revisionId: number): NoteDetail {
    return store.write('Restoring the revision', () => {
      const note = live(id);
      const revision = repos.noteRevisions.get(revisionId);
      if (!revision || revision.noteId !== id) throw new ApiError('not_found', `Note "${note.title}" has no revision ${revisionId}.`);
      // The text being replaced becomes a revision too, so a restore can itself be undone.
      repos.noteRevisions.snapshotNote(id, 'before-restore', now());
      writeDocument(repos, id, revision.document, revision.title, writeOptions('restore'));
      return noteDetail(repos, id);
    });
  }

  function backlinks(target: BacklinkTarget): NoteRef[] {
    if (target.kind === 'entity') return repos.links.notesMentioning(target.entityId);
    if (target.kind === 'note') return repos.links.notesLinkingTo(target.noteId);
    return repos.citations
      .byPassage(target.sourceId)
      .filter((c) => c.passageAnchor === target.anchor)
      .map((c) => ({ id: c.noteId, title: c.title, updatedAt: c.updatedAt }));
  }

  function passageCitations(sourceId: string): PassageCitations[] {
    return citedPassages(repos, sourceId);
  }

  function reviewList(): ReviewItem[] {
    const titles = new Map<string, string>();
    return repos.citations.needingReview().map((c) => {
      if (!titles.has(c.noteId)) titles.set(c.noteId, repos.notes.get(c.noteId)?.title ?? '');
      const citation = citationViews(repos, c.noteId).find((v) => v.key === c.key)!;
      return { noteId: c.noteId, noteTitle: titles.get(c.noteId)!, citation };
    });
  }

  /** The writer takes the words re-anchoring suggested for a citation in review. */
  function acceptSuggestion(id: string, key: string): SaveResult {
    return store.write('Accepting the suggested anchor', () => {
      live(id);
      const citation = repos.citations.byNoteKey(id, key);
      if (!citation) throw new ApiError('not_found', `Note ${id} has no citation ${key}.`);
      const last = citation.history.at(-1);
      const target = currentTarget(repos, citation.sourceId);
      if (citation.status !== 'review' || !last?.suggestion || !target || last.toVersionId !== target.version.id) {
        throw new ApiError(
          'conflict',
          'This citation has no suggestion for the current source text; cite the passage again from the reader.',
        );
      }
      const { suggestion, ...decided } = last;
      const event: Omit<AnchorEvent, 'next'> = {
        ...decided,
        at: now(),
        method: 'accepted',
        status: 'moved',
        score: suggestion.score,
        reason: 'The writer accepted the suggested words.',
      };
      repos.citations.updateAnchor(pointAt(citation, target, suggestion.start, suggestion.end, event));
      return saved(id, null);
    });
  }

  return {
    list: ({ trash, tag }: { trash?: boolean; tag?: string }) =>
      repos.notes
        .list(trash === true)
        .map(noteSummary)
        .filter((n) => !tag || n.tags.includes(tag)),
    get: (id: string) => noteDetail(repos, id),
    create,
    // Parsed off the serving thread: a large or hostile draft never freezes the window.
    createFromMarkdown: async (title: string, markdown: string) => create(title, await markdownToDocumentOffThread(markdown)),
    save,
    rename: (id: string, title: string) =>
      store.write('Renaming the note', () => {
        live(id);
        repos.notes.setTitle(id, title, now());
        return summary(id);
      }),
    tag: (id: string, tags: readonly string[]) =>
      store.write('Tagging the note', () => {
        live(id);
        repos.notes.setTags(id, uniqueTags(tags), now());
        return summary(id);
      }),
    trash: (id: string) =>
      store.write('Moving the note to the trash', () => {
        if (!find(id).deletedAt) repos.notes.setDeleted(id, now());
        return summary(id);
      }),
    restore: (id: string) =>
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
    revisions: (id: string) => (find(id), repos.noteRevisions.list(id).map(revisionSummary)),
    revision: (revisionId: number) => {
      const revision = repos.noteRevisions.get(revisionId);
      if (!revision) throw new ApiError('not_found', `No revision ${revisionId}.`);
      return { ...revisionSummary(revision), document: revision.document, plainText: revision.plainText };
    },
    restoreRevision,
    backlinks,
    passageCitations,
    reviewList,
    acceptSuggestion,
    makeCitation: (selection: SelectionInput) => makeCitationPayload(repos, selection),
    reanchor: (sourceId: string) => {
      if (!repos.sources.get(sourceId)) throw new ApiError('not_found', `No source with id "${sourceId}".`);
      return reanchorCitationsForSource(store, sourceId, now());
    },
    markdown: (id: string) => {
      const note = find(id);
      return { markdown: documentToMarkdown(note.title, repos.notes.document(id)!, citationViews(repos, id)) };
    },
  };
}
