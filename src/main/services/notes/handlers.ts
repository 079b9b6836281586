import type { Handlers } from '../../../shared/contract';
import type { NotesService } from './service';

export function noteHandlers(notes: NotesService): Handlers['notes'] {
  return {
    list: (filter) => notes.list(filter),
    get: ({ id }) => notes.get(id),
    create: ({ title, document, tags }) => notes.create(title, document, tags),
    createFromMarkdown: ({ title, markdown }) => notes.createFromMarkdown(title, markdown),
    save: (input) => notes.save(input),
    rename: ({ id, title }) => notes.rename(id, title),
    tag: ({ id, tags }) => notes.tag(id, tags),
    delete: ({ id }) => notes.trash(id),
    restore: ({ id }) => notes.restore(id),
    emptyTrash: () => notes.emptyTrash(),
    revisions: ({ id }) => notes.revisions(id),
    revision: ({ revisionId }) => notes.revision(revisionId),
    restoreRevision: ({ id, revisionId }) => notes.restoreRevision(id, revisionId),
    backlinks: ({ target }) => notes.backlinks(target),
    passageCitations: ({ sourceId }) => notes.passageCitations(sourceId),
    reviewList: () => notes.reviewList(),
    acceptSuggestion: ({ id, key }) => notes.acceptSuggestion(id, key),
    makeCitation: (selection) => notes.makeCitation(selection),
    reanchor: ({ sourceId }) => notes.reanchor(sourceId),
    markdown: ({ id }) => notes.markdown(id),
  };
}
