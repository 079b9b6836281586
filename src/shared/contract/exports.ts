import { z } from 'zod';
import { lazy } from '../lazy';
import { call } from './define';
import { SourceId } from './ids';
import { SourceMetadataSchema } from '../sourceMetadata';
import {
  BIBLIOGRAPHY_FORMATS,
  CITATION_STYLES,
  EXPORT_FORMATS,
  PAPER_SIZES,
  REPORT_LOCALES,
  type CitationCheck,
  type CitationStatus,
  type ExportResult,
  type ReportModel,
  type ResolvedReport,
} from '../export';

const Text = lazy(() => z.string().max(200_000));
const Marks = lazy(() =>
  z
    .array(z.enum(['bold', 'italic', 'code']))
    .max(3)
    .optional(),
);
const Inline = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: Text(), marks: Marks() }).strict(),
    z.object({ kind: z.literal('link'), href: z.string().max(4000), text: Text(), marks: Marks() }).strict(),
    z.object({ kind: z.literal('break') }).strict(),
    z.object({ kind: z.literal('cite'), citationId: z.string().min(1).max(100) }).strict(),
    z.object({ kind: z.literal('noteLink'), noteId: z.string().max(100), text: Text() }).strict(),
  ]),
);
const Inlines = lazy(() => z.array(Inline()).max(20_000));
const Block = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), content: Inlines() }).strict(),
    z.object({ kind: z.literal('paragraph'), content: Inlines() }).strict(),
    z.object({ kind: z.literal('quote'), content: Inlines() }).strict(),
    z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(Inlines()).max(5000) }).strict(),
  ]),
);
const LEGACY_STATUS: Record<string, CitationStatus> = { ok: 'current', review: 'changed', orphaned: 'lost' };

/** A report given whole (CLI `--model`, tests); citations are still verified against the store. */
export const ReportModelSchema = lazy(
  () =>
    z
      .object({
        title: z.string().trim().min(1, 'must not be empty').max(500),
        author: z.string().max(500).nullable(),
        date: z.string().max(100).nullable(),
        sections: z
          .array(z.object({ id: z.string().min(1).max(100), title: z.string().max(500), blocks: z.array(Block()).max(50_000) }).strict())
          .max(500),
        citations: z
          .array(
            z
              .object({
                id: z.string().min(1).max(100),
                sourceId: SourceId(),
                versionId: z.string().min(1).max(80),
                quote: z.string().max(20_000),
                start: z.number().int().min(0),
                end: z.number().int().min(0),
                paragraph: z.number().int().min(0).nullable(),
                page: z.number().int().min(1).nullable(),
                textSha256: z
                  .string()
                  .regex(/^[0-9a-f]{64}$/)
                  .nullable()
                  .optional(),
                // Report models saved before issue 10 name the old states; they read as the new ones.
                status: z
                  .enum(['current', 'moved', 'changed', 'lost', 'pinned', 'ok', 'review', 'orphaned'])
                  .transform((s): CitationStatus => LEGACY_STATUS[s] ?? (s as CitationStatus)),
                statusDetail: z.string().max(2000).nullable(),
              })
              .strict(),
          )
          .max(20_000),
        sources: z
          .array(
            z
              .object({
                id: SourceId(),
                metadata: SourceMetadataSchema(),
                mediaType: z.string().max(200),
                fileName: z.string().max(500).nullable(),
                accessed: z.string().max(40).nullable(),
                deletedAt: z.string().max(40).optional(),
              })
              .strict(),
          )
          .max(5000),
      })
      .strict() satisfies z.ZodType<ReportModel>,
);

export const ExportOptionsSchema = lazy(() =>
  z
    .object({
      style: z.enum(CITATION_STYLES).optional(),
      notes: z.enum(['footnotes', 'endnotes']).optional(),
      includeBibliography: z.boolean().optional(),
      includeQuotes: z.boolean().optional(),
      locale: z.enum(REPORT_LOCALES).optional(),
      paper: z.enum(PAPER_SIZES).optional(),
    })
    .strict(),
);

const NoteRef = lazy(() => z.string().min(1).max(100));
const What = lazy(() => ({
  /** Notes in the order the report should follow. */
  noteIds: z.array(NoteRef()).min(1, 'must name at least one note').max(500).optional(),
  /** Report title; defaults to the first note's title. */
  title: z.string().trim().min(1).max(500).optional(),
  report: ReportModelSchema().optional(),
}));
const exactlyOne = (v: { noteIds?: unknown; report?: unknown }) => (v.noteIds === undefined) !== (v.report === undefined);
const ONE_OF = { message: 'give either noteIds or report, not both or neither' };

export const exportCalls = {
  /** Verifies every quote against its pinned source text (and that text against its hash); lists what is undecided or fails. */
  check: call(() => z.object(What()).strict().refine(exactlyOne, ONE_OF)).returns<CitationCheck>(),
  /** The report with citations formatted, for the dialog's live preview (rendered as React elements). */
  preview: call(() =>
    z
      .object({ ...What(), options: ExportOptionsSchema().optional() })
      .strict()
      .refine(exactlyOne, ONE_OF),
  ).returns<ResolvedReport>(),
  /** The exported file's bytes; problem citations are marked visibly in it, never dropped. */
  run: call(() =>
    z
      .object({ ...What(), format: z.enum(EXPORT_FORMATS), options: ExportOptionsSchema().optional() })
      .strict()
      .refine(exactlyOne, ONE_OF),
  ).returns<ExportResult>(),
  /** CSL-JSON, BibTeX or RIS for the given sources, or every source the given notes cite, or all sources. */
  bibliography: call(() =>
    z
      .object({
        format: z.enum(BIBLIOGRAPHY_FORMATS),
        sourceIds: z.array(SourceId()).min(1).max(5000).optional(),
        noteIds: z.array(NoteRef()).min(1).max(500).optional(),
      })
      .strict(),
  ).returns<{ fileName: string; mediaType: string; text: string; count: number }>(),
} as const;
