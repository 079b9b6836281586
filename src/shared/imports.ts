import type { SavedSearchMatch } from './search';
import type { EntityType } from './contract/ids';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export interface ImportedSource {
  fileName: string;
  sourceId: string;
  versionId: string;
  format: ImportFormat;
  title: string | null;
  passageCount: number;
  mentionCount: number;
  /** Spans that may name a curated entity but that the source does not support: kept to confirm, not counted as links. */
  possibleMentionCount: number;
  /** True when the file became a new version of a source already in the notebook. */
  newVersion: boolean;
  suggestionCount: number;
  /** Citations the notes feature could not re-anchor with certainty after a new version. */
  citationsToReview: CitationToReview[];
}

export interface CitationToReview {
  noteId: string;
  citationId: number;
  /** The quoted words, so the list says which citation without opening the note. */
  exact: string;
  status: 'changed' | 'lost';
}

export interface ImportFailure {
  fileName: string;
  reason: string;
  /** Set when the file is already stored, so the UI can link to it. */
  existingSourceId?: string;
}

export interface ImportSummary {
  jobId: string;
  imported: ImportedSource[];
  failures: ImportFailure[];
  cancelled: boolean;
  elapsedMs: number;
  /** Saved searches that the imported passages match, run again after the import. */
  savedSearches?: SavedSearchMatch[];
}

export interface StagedUpload {
  uploadId: string;
  receivedBytes: number;
}

export type SuggestionStatus = 'pending' | 'accepted' | 'aliased' | 'rejected';

/** A candidate person, organisation or place found in an imported source by the NLP tagger. */
export interface EntitySuggestion {
  id: number;
  sourceId: string;
  type: Extract<EntityType, 'person' | 'organization' | 'place'>;
  name: string;
  occurrences: number;
  status: SuggestionStatus;
  entityId: string | null;
  /** The title found in front of a person's name ("President"), kept as their role. */
  role: string | null;
  /** An existing entity the name is another form of: proposed as its alias. */
  aliasOf: string | null;
}

export interface SuggestionResolution {
  suggestion: EntitySuggestion;
  entityId: string | null;
  /** Mentions added across the library by the new entity or alias. */
  linkedMentions: number;
}
