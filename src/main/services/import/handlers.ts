import type { Handlers } from '../../../shared/contract';
import type { SourceMetadata } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { sourceHandlers } from '../handlers/sources';
import { canonicalUrl } from './html';
import { createImporter, type Importer, type ImporterDeps } from './service';
import { resolveSuggestion } from './suggestions';

/** The notebook passes the importer it will close; alone (tests), the handlers make their own. */
export function importHandlers(deps: ImporterDeps, importer: Importer = createImporter(deps)): Handlers['imports'] {
  const { store } = deps;
  const sources = sourceHandlers(store.repos);
  return {
    importPaths: (input) => importer.importPaths(input),
    importFiles: (input) => importer.importFiles(input),
    stage: (input) => importer.stage(input),
    cancel: ({ jobId }) => ({ cancelled: importer.cancel(jobId) }),
    suggestions: (filter) => store.repos.imports.suggestions(filter),
    resolveSuggestion: (input) => resolveSuggestion(store, input),
    updateMetadata: async ({ sourceId, metadata }) => {
      const row = store.repos.sources.get(sourceId);
      if (!row) throw new ApiError('not_found', `No source with id "${sourceId}".`);
      const blank = (v: string | null | undefined) => (v === undefined ? undefined : v && v.trim() ? v.trim() : null);
      const current = JSON.parse(row.metadata) as SourceMetadata;
      const next: SourceMetadata = {
        title: blank(metadata.title) === undefined ? current.title : blank(metadata.title)!,
        authors: metadata.authors ?? current.authors,
        issued: blank(metadata.issued) === undefined ? current.issued : blank(metadata.issued)!,
        publisher: blank(metadata.publisher) === undefined ? current.publisher : blank(metadata.publisher)!,
        url: blank(metadata.url) === undefined ? current.url : blank(metadata.url)!,
        note: metadata.note === undefined ? current.note : metadata.note && metadata.note.trim() ? metadata.note : null,
      };
      if (next.url && !canonicalUrl(next.url))
        throw new ApiError('invalid_input', `"${next.url}" is not a web address (http:// or https://).`);
      store.write('Saving the source details', (repos) => repos.imports.updateSource(sourceId, next, row.canonical_url));
      return await sources.get({ id: sourceId });
    },
  };
}
