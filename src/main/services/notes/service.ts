import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { CITATION_CONTEXT_CHARS } from '../../../shared/notes';
import type {
  CiteResult,
  NoteDetail,
  NoteRef,
  PassageCitations,
  ReviewDecision,
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
import { citationForWords, withCitation } from './cite';
import { reanchorCitationsForSource } from './reanchor';
import { acceptProposal, keepPinned, withoutCitation } from './review';
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
      const proposal = citation.history.at(-1)?.suggestion;
      const text = proposal && citation.currentVersionId ? repos.sources.version(citation.currentVersionId)?.text : undefined;
      const proposalContext =
        proposal && text !== undefined
          ? {
              prefix: text.slice(Math.max(0, proposal.start - CITATION_CONTEXT_CHARS), proposal.start),
              suffix: text.slice(proposal.end, proposal.end + CITATION_CONTEXT_CHARS),
            }
          : null;
      return { noteId: c.noteId, noteTitle: titles.get(c.noteId)!, citation, proposalContext };
    });
  }

  /** The writer takes the words re-anchoring proposed for a citation in review. */
  function acceptSuggestion(id: string, key: string): SaveResult {
    return store.write('Accepting the proposed words', () => {
      live(id);
      const citation = repos.citations.byNoteKey(id, key);
      if (!citation) throw new ApiError('not_found', `Note ${id} has no citation ${key}.`);
      acceptProposal(repos, citation, now());
      return saved(id, null);
    });
  }

  /**
   * A person's decision on a citation in review (docs/citations.md): accept the proposed new words,
   * keep citing the pinned version, or remove the citation from the note. Accept and keep are
   * appended to the citation's history; a removal first keeps the note as it was in a revision
   * (restoring it brings the citation back, checked again against the current text).
   */
  function decide(id: string, key: string, decision: ReviewDecision): SaveResult {
    return store.write('Deciding on a citation', () => {
      const note = live(id);
      const citation = repos.citations.byNoteKey(id, key);
      if (!citation) throw new ApiError('not_found', `Note "${note.title}" has no citation ${key}.`);
      if (decision === 'accept') acceptProposal(repos, citation, now());
      else if (decision === 'keep-pinned') keepPinned(repos, citation, now());
      else {
        repos.noteRevisions.snapshotNote(id, 'before-restore', now());
        const document = withoutCitation(repos.notes.document(id) ?? emptyDocument(), key);
        return saved(id, writeDocument(repos, id, document, note.title, writeOptions('none')));
      }
      return saved(id, null);
    });
  }

  /** Cites exact words of a source's current text, in a note or in a new one (`sourcebook cite`). */
  function cite(input: Input<'cite'>): CiteResult {
    const { sourceId, quote, occurrence, noteId, newNoteTitle } = input;
    const cited = (note: NoteDetail, key: string) => ({ note, citation: note.citations.find((c) => c.key === key)! });
    if (newNoteTitle !== undefined) {
      const citation = citationForWords(repos, sourceId, quote, occurrence);
      return cited(create(newNoteTitle, withCitation(undefined, citation), []), citation.key);
    }
    return store.write('Citing the words', () => {
      const note = live(noteId!);
      const citation = citationForWords(repos, sourceId, quote, occurrence);
      const document = withCitation(repos.notes.document(note.id), citation);
      writeDocument(repos, note.id, document, note.title, writeOptions('auto-throttled'));
      return cited(noteDetail(repos, note.id), citation.key);
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
    decide,
    makeCitation: (selection: SelectionInput) => makeCitationPayload(repos, selection),
    cite,
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
