import { z } from 'zod';
import { lazy } from './lazy';
import { authorNameSchema, isLiteralName, NAME_PART_LIMIT, type AuthorName } from './names';
import { FOUND_FIELDS, FoundSchema, WORK_TYPES, type Found } from './sourceFields';

export type { AuthorName, LiteralName, PersonName } from './names';
export { FOUND_FIELDS, METADATA_ORIGINS, WORK_TYPES, WORK_TYPE_LABELS, ORIGIN_LABELS, CONFIDENCE_LABELS } from './sourceFields';
export type { Confidence, Found, FoundField, FieldOrigin, MetadataOrigin, WorkType } from './sourceFields';

/**
 * What the library knows about a source, declared once. The contract (a person's edits), the seed
 * loader, import (what a file says about itself), the store (what it reads back) and export (a
 * report given whole) all take their schema from here, so a new field is declared in this file
 * only: in `metadataFields`, then wherever the compiler asks (`emptySourceMetadata`, `fitSourceMetadata`).
 * `null` means the texts do not say, and the UI shows "unknown". The bibliographic fields follow
 * CSL (citationstyles.org): authors are CSL names, `type` a CSL item type; `null` type and
 * short title mean "derive them" (export/work.ts).
 */

/**
 * The one set of limits, in characters (authors: entries; author: each part of a name). Generous
 * for real bibliographic data — long report and statute titles, a consortium's author list, a URL
 * with a long query — and small enough that one source cannot make a report or a window
 * unusable. Edits and reports given whole are refused beyond them; import shortens what a file
 * says to fit (`fitSourceMetadata`).
 */
export const SOURCE_METADATA_LIMITS = {
  title: 2000,
  titleShort: 500,
  author: NAME_PART_LIMIT,
  authors: 200,
  issued: 100,
  accessed: 100,
  containerTitle: 1000,
  publisher: 1000,
  publisherPlace: 500,
  volume: 100,
  issue: 100,
  pages: 100,
  doi: 300,
  issn: 100,
  isbn: 100,
  url: 4000,
  note: 20_000,
} as const;

const L = SOURCE_METADATA_LIMITS;

/** The plain text fields, each nullable, with its limit. */
export const TEXT_FIELDS = [
  'title',
  'titleShort',
  'issued',
  'accessed',
  'containerTitle',
  'publisher',
  'publisherPlace',
  'volume',
  'issue',
  'pages',
  'doi',
  'issn',
  'isbn',
  'url',
] as const satisfies readonly (keyof typeof L)[];
type TextField = (typeof TEXT_FIELDS)[number];

interface Mode {
  /** Enforce SOURCE_METADATA_LIMITS (everything written); the store's reader does not, see below. */
  limits: boolean;
  /** Trim text as a person typed it (not the note), and refuse a blank author. */
  edit: boolean;
}

function metadataFields({ limits, edit }: Mode) {
  // Without limits no check is added at all: the store builds this schema in every command, and
  // each check is one more schema object for zod to make.
  const text = (max: number) => {
    const s = edit ? z.string().trim() : z.string();
    return limits ? s.max(max) : s;
  };
  const author = authorNameSchema({ limits, edit, strict: limits });
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(L[f]).nullable()])) as Record<
    TextField,
    z.ZodNullable<ReturnType<typeof text>>
  >;
  return {
    ...texts,
    authors: limits ? z.array(author).max(L.authors) : z.array(author),
    type: z.enum(WORK_TYPES).nullable(),
    // A note is free text: it keeps its spacing, even in an edit.
    note: (limits ? z.string().max(L.note) : z.string()).nullable(),
  };
}

/** Fields a person may leave out, or an older file may lack: absent reads as unknown. */
function withDefaults(fields: ReturnType<typeof metadataFields>) {
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, fields[f].default(null)])) as {
    [K in TextField]: z.ZodDefault<(typeof fields)[K]>;
  };
  return {
    ...texts,
    authors: fields.authors.default([]),
    type: fields.type.default(null),
    note: fields.note.default(null),
    found: FoundSchema(),
  };
}

/**
 * Complete metadata within the limits: what the seed ships and what a report given whole
 * carries. Fields added after round 1 may be absent (older seed files and report models).
 */
export const SourceMetadataSchema = lazy(() => z.object(withDefaults(metadataFields({ limits: true, edit: false }))).strict());

export type SourceMetadata = z.infer<ReturnType<typeof SourceMetadataSchema>>;

/** A person's edit: omitted fields keep their value, text is trimmed, limits apply. `found` is not theirs to set. */
export const SourceMetadataEditSchema = lazy(() =>
  z
    .object(metadataFields({ limits: true, edit: true }))
    .partial()
    .strict(),
);

export type SourceMetadataEdit = z.infer<ReturnType<typeof SourceMetadataEditSchema>>;

/**
 * How the store reads the JSON it holds. No limits and a default for a missing field: a notebook
 * written before a limit or a field existed must still open, and growing this schema then needs no
 * data migration. Authors stored as strings (before names were structured) read as parsed names.
 * Unknown keys (a newer Sourcebook's fields) are dropped, not refused.
 */
export const StoredSourceMetadataSchema = lazy(
  () => z.object(withDefaults(metadataFields({ limits: false, edit: false }))) satisfies z.ZodType<SourceMetadata, unknown>,
);

export const emptySourceMetadata = (): SourceMetadata => ({
  title: null,
  titleShort: null,
  authors: [],
  issued: null,
  accessed: null,
  type: null,
  containerTitle: null,
  publisher: null,
  publisherPlace: null,
  volume: null,
  issue: null,
  pages: null,
  doi: null,
  issn: null,
  isbn: null,
  url: null,
  note: null,
  found: {},
});

const fit = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);
const fitNullable = (value: string | null, max: number) => (value === null ? null : fit(value, max));

function fitName(name: AuthorName): AuthorName {
  if (isLiteralName(name)) return { literal: fit(name.literal, L.author) };
  return Object.fromEntries(Object.entries(name).map(([k, v]) => [k, typeof v === 'string' ? fit(v, L.author) : v])) as AuthorName;
}

/** What a file says about itself, shortened to the limits (a PDF's title field can hold anything). */
export function fitSourceMetadata(m: SourceMetadata): SourceMetadata {
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, fitNullable(m[f], L[f])])) as Pick<SourceMetadata, TextField>;
  return {
    ...texts,
    authors: m.authors.slice(0, L.authors).map(fitName),
    type: m.type,
    note: fitNullable(m.note, L.note),
    found: m.found,
  };
}

/** The fields whose values import records an origin for; a person's edit of one drops its origin. */
export function withoutOrigins(found: Found, fields: Iterable<string>): Found {
  const next = { ...found };
  for (const f of fields) if ((FOUND_FIELDS as readonly string[]).includes(f)) delete next[f as keyof Found];
  return next;
}

/** Where a source appeared, for lists that show one column: the site, newspaper or journal, else the publisher. */
export const publishedIn = (m: Pick<SourceMetadata, 'containerTitle' | 'publisher'>) => m.containerTitle ?? m.publisher;
