import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { EntityId, SourceId } from './ids';
import type { EntitySuggestion, ImportSummary, StagedUpload, SuggestionResolution } from '../imports';

/** Client-chosen so the caller can cancel a job and match progress events before the call returns. */
export const JobId = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6–64 letters, digits, "-" or "_"'));
const UploadId = lazy(() => JobId());
const FileName = lazy(() => z.string().trim().min(1, 'must not be empty').max(1000));
/** Base64 of at most ~3 MB of bytes, so one call stays under the loopback shell's request limit. */
const Base64 = lazy(() =>
  z
    .string()
    .max(4_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
);

const Limits = lazy(() => ({
  /** Largest file accepted, in bytes (default 200 MB). */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .max(4 * 1024 ** 3)
    .optional(),
  /** The user says these files are new versions of this source. */
  newVersionOf: SourceId().optional(),
}));

export const imports = {
  /** Files or folders on this machine, for the CLI only: a page never names paths. Folders are read recursively. */
  importPaths: call(() =>
    z.object({ jobId: JobId().optional(), paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), ...Limits() }).strict(),
  )
    .hostOnly()
    .returns<ImportSummary>(),
  /** A browser cannot hand over paths: it sends bytes inline, or references chunks staged with `stage`. */
  importFiles: call(() =>
    z
      .object({
        jobId: JobId().optional(),
        files: z
          .array(
            z.union([
              z.object({ fileName: FileName(), base64: Base64() }).strict(),
              z.object({ fileName: FileName(), uploadId: UploadId() }).strict(),
            ]),
          )
          .min(1)
          .max(10_000),
        ...Limits(),
      })
      .strict(),
  ).returns<ImportSummary>(),
  /** Appends one chunk of a large file; `offset` must equal the bytes received so far. */
  stage: call(() => z.object({ uploadId: UploadId(), offset: z.number().int().min(0), base64: Base64() }).strict()).returns<StagedUpload>(),
  cancel: call(() => z.object({ jobId: JobId() }).strict()).returns<{ cancelled: boolean }>(),
  suggestions: call(() =>
    z.object({ sourceId: SourceId().optional(), status: z.enum(['pending', 'accepted', 'aliased', 'rejected']).optional() }).strict(),
  ).returns<EntitySuggestion[]>(),
  resolveSuggestion: call(() =>
    z.discriminatedUnion('action', [
      z.object({ id: z.number().int().positive(), action: z.literal('accept') }).strict(),
      z.object({ id: z.number().int().positive(), action: z.literal('alias'), entityId: EntityId() }).strict(),
      z.object({ id: z.number().int().positive(), action: z.literal('reject') }).strict(),
    ]),
  ).returns<SuggestionResolution>(),
} as const;
