import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CitationVerdict, PinnedTextLookup } from './check';
import { sha256Hex } from './check';
import type { CitationProblemKind, CitationStatus, ReportModel, ResolvedReport } from '../../../shared/export';
import { displayName } from '../../../shared/names';
import { webAddress } from '../../../shared/url';

export const MANIFEST_FORMAT = 'sourcebook-evidence-pack';
/** The verifier every pack carries; `sourcebook verify` runs the same file. */
export const VERIFIER_PATH = ['evidence', 'verify.mjs'] as const;

/** The bytes a source version was imported from, as the notebook keeps them for provenance. */
export interface OriginalFile {
  bytes: Uint8Array;
  mediaType: string;
  fileName: string | null;
  /** The version's recorded SHA-256: that of these bytes. */
  versionSha256: string;
}

export type OriginalLookup = (sourceId: string, versionId: string) => OriginalFile | undefined;

export interface EvidenceManifest {
  format: typeof MANIFEST_FORMAT;
  version: 2;
  createdAt: string;
  title: string;
  style: string;
  /** How offsets count characters, so a reader in any language can find a quote. */
  offsets: 'utf16-code-units';
  /** Whether the report files print each quote (report.html marks each with data-sb-quote). */
  quotesInReport: boolean;
  /** Every file in the pack but manifest.json itself. */
  files: { path: string; sha256: string; bytes: number }[];
  sources: {
    id: string;
    versionId: string;
    title: string | null;
    authors: string[];
    issued: string | null;
    publisher: string | null;
    url: string | null;
    /** The text the quotes were taken from. */
    path: string;
    sha256: string;
    bytes: number;
    /** The version's recorded SHA-256 (of its original file). */
    versionSha256: string | null;
    original: { path: string; sha256: string; bytes: number; mediaType: string; fileName: string | null } | null;
    /** When the source was deleted from the library (its cited text is still here and still proves the quotes). */
    deletedFromLibrary?: string;
  }[];
  citations: {
    id: string;
    note: number | null;
    sourceId: string;
    versionId: string;
    paragraph: number | null;
    page: number | null;
    start: number;
    end: number;
    quote: string;
    quoteSha256: string;
    /** As the notes service recorded it. */
    status: CitationStatus;
    /** Why the export flags it, if it does. */
    problem: CitationProblemKind | null;
    verified: boolean;
    message: string | null;
  }[];
}

const README = `Sourcebook evidence pack

report.html and report.md are the report. sources/ holds, for every cited source version, the text
the quotes were taken from (.txt) and the original file it was imported from (HTML, PDF, DOCX…).
manifest.json lists every file with its SHA-256 and size, and every citation with its quote,
the quote's SHA-256 and where it starts and ends in its source text (offsets count UTF-16 code
units, as JavaScript strings do). Citations the export flagged (not yet reviewed after the source
changed, or failing a check) are listed with the reason.

To verify, with Node.js 18 or later and nothing else (no network, no packages):
  node verify.mjs                 in the unzipped folder, or
  node verify.mjs this-pack.zip   on the zip as it is
or \`sourcebook verify this-pack.zip\`. It checks every file against the manifest (missing, extra or
changed files fail), each original against its version's recorded SHA-256, each quote against its
source text, and the quotes printed in report.html and report.md against the same text.
By hand: sha256sum the files and compare with manifest.json; each quote is the text between its
start and end offsets.
`;

const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/markdown': 'md',
  'text/plain': 'txt',
};

function originalExtension(original: OriginalFile): string {
  const byType = EXTENSIONS[original.mediaType.split(';')[0]!.trim().toLowerCase()];
  const byName = original.fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1]?.toLowerCase();
  return byType ?? byName ?? 'bin';
}

export function readVerifier(resourcesDir: string): Uint8Array {
  return fs.readFileSync(path.join(resourcesDir, ...VERIFIER_PATH));
}

/**
 * The report, each cited source's pinned text and original file, the verifier, and a manifest
 * listing every file and quote with hashes, so anyone can check every quote without Sourcebook:
 * nothing in the pack depends on the notebook.
 */
export function buildEvidencePack(
  model: ReportModel,
  resolved: ResolvedReport,
  files: { html: string; markdown: string; verifier: Uint8Array },
  lookup: PinnedTextLookup,
  verdicts: Map<string, CitationVerdict>,
  originals: OriginalLookup = () => undefined,
  now = new Date(),
): Uint8Array {
  const zip: Zippable = {};
  const manifest: EvidenceManifest = {
    format: MANIFEST_FORMAT,
    version: 2,
    createdAt: now.toISOString(),
    title: model.title,
    style: resolved.styleLabel,
    offsets: 'utf16-code-units',
    quotesInReport: resolved.options.includeQuotes,
    files: [],
    sources: [],
    citations: [],
  };
  const addFile = (name: string, bytes: Uint8Array) => {
    zip[name] = [bytes, { mtime: now }];
    manifest.files.push({ path: name, sha256: sha256Hex(bytes), bytes: bytes.length });
    return { path: name, sha256: sha256Hex(bytes), bytes: bytes.length };
  };
  addFile('report.html', strToU8(files.html));
  addFile('report.md', strToU8(files.markdown));

  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const packed = new Set<string>();
  const noteOf = new Map(resolved.marks.map((m) => [m.citationId, m.noteNumber]));
  for (const citation of model.citations) {
    if (!verdicts.has(citation.id)) continue;
    const key = `${citation.sourceId}\u0000${citation.versionId}`;
    const pinned = lookup(citation.sourceId, citation.versionId);
    if (pinned && !packed.has(key)) {
      packed.add(key);
      const base = `sources/${citation.sourceId}_${citation.versionId.replace(/[^A-Za-z0-9-]/g, '_')}`;
      const text = addFile(`${base}.txt`, strToU8(pinned.text));
      const original = originals(citation.sourceId, citation.versionId);
      const originalFile = original ? addFile(`${base}.original.${originalExtension(original)}`, original.bytes) : undefined;
      const source = sources.get(citation.sourceId);
      const metadata = source?.metadata;
      manifest.sources.push({
        id: citation.sourceId,
        versionId: citation.versionId,
        title: metadata?.title ?? null,
        authors: (metadata?.authors ?? []).map(displayName),
        issued: metadata?.issued ?? null,
        publisher: metadata?.publisher ?? null,
        url: webAddress(metadata?.url),
        ...text,
        versionSha256: original?.versionSha256 ?? null,
        original: original && originalFile ? { ...originalFile, mediaType: original.mediaType, fileName: original.fileName } : null,
        ...(source?.deletedAt ? { deletedFromLibrary: source.deletedAt } : {}),
      });
    }
    const verdict = verdicts.get(citation.id)!;
    manifest.citations.push({
      id: citation.id,
      note: noteOf.get(citation.id) ?? null,
      sourceId: citation.sourceId,
      versionId: citation.versionId,
      paragraph: citation.paragraph,
      page: citation.page,
      start: citation.start,
      end: citation.end,
      quote: citation.quote,
      quoteSha256: sha256Hex(strToU8(citation.quote)),
      status: citation.status,
      problem: verdict.problem,
      verified: verdict.verified,
      message: verdict.message,
    });
  }
  addFile('README.txt', strToU8(README));
  addFile('verify.mjs', files.verifier);
  zip['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2) + '\n'), { mtime: now }];
  return zipSync(zip, { level: 6 });
}
