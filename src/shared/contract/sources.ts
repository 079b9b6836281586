import { z } from 'zod';
import { call } from './define';
import { SourceId } from './ids';
import { SourceMetadataEditSchema } from '../sourceMetadata';
import { SourceTag, SourceTags } from '../sourceTags';
import type { CitingNote, SourceDeletion, SourceDetail, SourcePurge, SourceSummary } from '../domain';

export const sources = {
  /** The library; with `deleted`, the sources deleted (kept for the citations that pinned them, and for Undo). */
  list: call(() => z.object({ deleted: z.boolean().optional() }).strict()).returns<SourceSummary[]>(),
  /** A source with its current passages, or with those of `versionId`, an earlier version (the reader's "as cited"). */
  get: call(() => z.object({ id: SourceId(), versionId: z.string().min(1).max(80).optional() }).strict()).returns<SourceDetail>(),
  /** Edits what the library shows about a source; omitted fields keep their value, blank text clears one. */
  updateMetadata: call(() => z.object({ sourceId: SourceId(), metadata: SourceMetadataEditSchema() }).strict()).returns<SourceDetail>(),
  /** Adds tags to a source (a tag it has in any case stays as it is). */
  tag: call(() => z.object({ sourceId: SourceId(), tags: SourceTags() }).strict()).returns<SourceSummary>(),
  untag: call(() => z.object({ sourceId: SourceId(), tags: SourceTags() }).strict()).returns<SourceSummary>(),
  /** Renames a tag on every source that has it. */
  renameTag: call(() => z.object({ from: SourceTag(), to: SourceTag() }).strict()).returns<{ renamed: number }>(),
  /** The notes citing a source: what deleting it would touch. */
  citedBy: call(() => z.object({ id: SourceId() }).strict()).returns<CitingNote[]>(),
  /**
   * Deletes a source from the library. Refused (conflict, naming the citing notes) while a note
   * cites it, unless `keepCitations`: then each citation keeps its pinned version and quote.
   */
  delete: call(() => z.object({ id: SourceId(), keepCitations: z.boolean().optional() }).strict()).returns<SourceDeletion>(),
  /** Undoes a deletion. */
  restore: call(() => z.object({ id: SourceId() }).strict()).returns<SourceSummary>(),
  /**
   * Deletes a deleted source for good: its text and everything made from it leave the notebook.
   * Refused (conflict) for a source still in the library, and while any note cites it (pinned
   * citations need its text to prove their quotes).
   */
  purge: call(() => z.object({ id: SourceId() }).strict()).returns<SourcePurge>(),
} as const;
