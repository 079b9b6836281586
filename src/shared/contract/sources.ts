import { z } from 'zod';
import { call } from './define';
import { SourceId } from './ids';
import { SourceMetadataEditSchema } from '../sourceMetadata';
import type { SourceDetail, SourceSummary } from '../domain';

export const sources = {
  list: call(() => z.object({}).strict()).returns<SourceSummary[]>(),
  /** A source with its current passages, or with those of `versionId`, an earlier version (the reader's "as cited"). */
  get: call(() => z.object({ id: SourceId(), versionId: z.string().min(1).max(80).optional() }).strict()).returns<SourceDetail>(),
  /** Edits what the library shows about a source; omitted fields keep their value, blank text clears one. */
  updateMetadata: call(() => z.object({ sourceId: SourceId(), metadata: SourceMetadataEditSchema() }).strict()).returns<SourceDetail>(),
} as const;
