import { z } from 'zod';

/**
 * What the library knows about a source, declared once. The contract (a person's edits), the seed
 * loader, import (what a file says about itself), the store (what it reads back) and export (a
 * report given whole) all take their schema from here, so a new field is declared in this file
 * only: in `metadataFields`, then wherever the compiler asks (the store's defaults, `fitSourceMetadata`).
 * `null` means the texts do not say, and the UI shows "unknown".
 */

/**
 * The one set of limits, in characters (authors: entries). Generous for real bibliographic data —
 * long report and statute titles, a consortium's author list, a URL with a long query — and small
 * enough that one source cannot make a report or a window unusable. Edits and reports given whole
 * are refused beyond them; import shortens what a file says to fit (`fitSourceMetadata`).
 */
export const SOURCE_METADATA_LIMITS = {
  title: 2000,
  author: 500,
  authors: 200,
  issued: 100,
  publisher: 1000,
  url: 4000,
  note: 20_000,
} as const;

const L = SOURCE_METADATA_LIMITS;

interface Mode {
  /** Enforce SOURCE_METADATA_LIMITS (everything written); the store's reader does not, see below. */
  limits: boolean;
  /** Trim text as a person typed it (not the note), and refuse a blank author. */
  edit: boolean;
}

function metadataFields({ limits, edit }: Mode) {
  const text = (max: number) => {
    const s = edit ? z.string().trim() : z.string();
    return limits ? s.max(max) : s;
  };
  const author = edit ? text(L.author).min(1, 'must not be blank') : text(L.author);
  const authors = limits ? z.array(author).max(L.authors) : z.array(author);
  return {
    title: text(L.title).nullable(),
    authors,
    issued: text(L.issued).nullable(),
    publisher: text(L.publisher).nullable(),
    url: text(L.url).nullable(),
    // A note is free text: it keeps its spacing, even in an edit.
    note: (limits ? z.string().max(L.note) : z.string()).nullable(),
  };
}

/** Complete metadata within the limits: what the seed ships and what a report given whole carries. */
export const SourceMetadataSchema = z.object(metadataFields({ limits: true, edit: false })).strict();

export type SourceMetadata = z.infer<typeof SourceMetadataSchema>;

/** A person's edit: omitted fields keep their value, text is trimmed, limits apply. */
export const SourceMetadataEditSchema = z
  .object(metadataFields({ limits: true, edit: true }))
  .partial()
  .strict();

export type SourceMetadataEdit = z.infer<typeof SourceMetadataEditSchema>;

/**
 * How the store reads the JSON it holds. No limits and a default for a missing field: a notebook
 * written before a limit or a field existed must still open, and growing this schema then needs no
 * data migration. Unknown keys (a newer Sourcebook's fields) are dropped, not refused.
 */
const stored = metadataFields({ limits: false, edit: false });
export const StoredSourceMetadataSchema = z.object({
  title: stored.title.default(null),
  authors: stored.authors.default([]),
  issued: stored.issued.default(null),
  publisher: stored.publisher.default(null),
  url: stored.url.default(null),
  note: stored.note.default(null),
}) satisfies z.ZodType<SourceMetadata, unknown>; // a field added above and forgotten here fails to compile

export const emptySourceMetadata = (): SourceMetadata => ({
  title: null,
  authors: [],
  issued: null,
  publisher: null,
  url: null,
  note: null,
});

const fit = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);
const fitNullable = (value: string | null, max: number) => (value === null ? null : fit(value, max));

/** What a file says about itself, shortened to the limits (a PDF's title field can hold anything). */
export function fitSourceMetadata(m: SourceMetadata): SourceMetadata {
  return {
    title: fitNullable(m.title, L.title),
    authors: m.authors.slice(0, L.authors).map((a) => fit(a, L.author)),
    issued: fitNullable(m.issued, L.issued),
    publisher: fitNullable(m.publisher, L.publisher),
    url: fitNullable(m.url, L.url),
    note: fitNullable(m.note, L.note),
  };
}
