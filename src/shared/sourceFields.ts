import { z } from 'zod';
import { lazy } from './lazy';

/** The CSL item types a source can be (citationstyles.org, CSL 1.0.2 "Item Types"). */
export const WORK_TYPES = [
  'webpage',
  'post-weblog',
  'article-newspaper',
  'article-magazine',
  'article-journal',
  'report',
  'book',
  'chapter',
  'thesis',
  'legislation',
  'speech',
  'interview',
  'document',
] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export const WORK_TYPE_LABELS: Record<WorkType, string> = {
  webpage: 'Web page',
  'post-weblog': 'Blog post',
  'article-newspaper': 'Newspaper or news agency article',
  'article-magazine': 'Magazine article',
  'article-journal': 'Journal article',
  report: 'Report',
  book: 'Book',
  chapter: 'Book chapter',
  thesis: 'Thesis',
  legislation: 'Law or regulation',
  speech: 'Speech',
  interview: 'Interview',
  document: 'Other document',
};

/** Where import found a value: what the file itself states, never a guess from outside it. */
export const METADATA_ORIGINS = [
  'document-info',
  'xmp',
  'first-page',
  'document-text',
  'json-ld',
  'meta-tags',
  'page-text',
  'front-matter',
  'document-properties',
  'file-name',
] as const;
export type MetadataOrigin = (typeof METADATA_ORIGINS)[number];

export const ORIGIN_LABELS: Record<MetadataOrigin, string> = {
  'document-info': "the PDF's document properties",
  xmp: "the PDF's XMP metadata",
  'first-page': "the first page's layout",
  'document-text': "the document's text",
  'json-ld': "the page's structured data (JSON-LD)",
  'meta-tags': "the page's meta tags",
  'page-text': "the page's byline and text",
  'front-matter': "the file's front matter",
  'document-properties': "the Word file's properties",
  'file-name': 'the file name',
};

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = { high: 'stated', medium: 'likely', low: 'a guess: check it' };

/** The fields import can fill, each with where its value came from and how sure that is. */
export const FOUND_FIELDS = [
  'title',
  'authors',
  'issued',
  'type',
  'containerTitle',
  'publisher',
  'volume',
  'issue',
  'pages',
  'doi',
  'issn',
  'isbn',
  'url',
] as const;
export type FoundField = (typeof FOUND_FIELDS)[number];

export interface FieldOrigin {
  from: MetadataOrigin;
  confidence: Confidence;
}
export type Found = Partial<Record<FoundField, FieldOrigin>>;

const OriginSchema = lazy(() => z.object({ from: z.enum(METADATA_ORIGINS), confidence: z.enum(CONFIDENCES) }));

/**
 * Origins as stored: an entry a later Sourcebook wrote that this one does not know is dropped,
 * never refused — it only explains a value, which stays.
 */
export const FoundSchema = lazy(() =>
  z
    .record(z.string(), z.unknown())
    .default({})
    .transform((raw): Found => {
      const found: Found = {};
      for (const field of FOUND_FIELDS) {
        const parsed = OriginSchema().safeParse(raw[field]);
        if (parsed.success) found[field] = parsed.data;
      }
      return found;
    }),
);
