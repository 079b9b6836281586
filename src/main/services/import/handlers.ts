import type { Handlers } from '../../../shared/contract';
import type { Importer } from './service';
import { listSuggestions, resolveSuggestion } from './suggestions';
import type { Store } from '../store/store';

export function importHandlers(importer: Importer, store: Store): Handlers['imports'] {
  return {
    importPaths: (input) => importer.importPaths(input),
    importFiles: (input) => importer.importFiles(input),
    stage: (input) => importer.stage(input),
    cancel: ({ jobId }) => ({ cancelled: importer.cancel(jobId) }),
    suggestions: (filter) => listSuggestions(store, filter),
    resolveSuggestion: (input) => resolveSuggestion(store, input),
  };
}
