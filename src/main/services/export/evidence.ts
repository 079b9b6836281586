import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CitationVerdict, PinnedTextLookup } from './check';
import { sha256Hex } from './check';
import type { ReportModel, ResolvedReport } from '../../../shared/export';
import { webAddress } from '../../../shared/url';

export const MANIFEST_FORMAT = 'sourcebook-evidence-pack';

export interface EvidenceManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  createdAt: string;
  title: string;
  style: string;
  /** How offsets count characters, so a reader in any language can find a quote. */
  offsets: 'utf16-code-units';
  files: { path: string; sha256: string; bytes: number }[];
  sources: {
    id: string;
    versionId: string;
    title: string | null;
    authors: string[];
    issued: string | null;
    publisher: string | null;
    url: string | null;
    path: string;
    sha256: string;
    bytes: number;
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
    status: string;
    verified: boolean;
    message: string | null;
  }[];
}

const README = `Sourcebook evidence pack

report.html and report.md are the report. sources/ holds the text of every cited source exactly as
it was when the quotes were taken, one file per source version. manifest.json lists the SHA-256 of
every file and of every quote, and where each quote starts and ends in its source text (offsets
count UTF-16 code units, as JavaScript strings do).

To verify offline, with Node.js 18 or later:  node verify-evidence.mjs this-pack.zip
(verify-evidence.mjs ships with Sourcebook in its scripts/ folder). By hand: sha256sum the files in
sources/ and compare with manifest.json; each quote is the text between its start and end offsets.
`;

/**
 * The report, each cited source's pinned text and a manifest with hashes, so anyone can check
 * every quote without Sourcebook: nothing in the pack depends on the notebook.
 */
export function buildEvidencePack(
  model: ReportModel,
  resolved: ResolvedReport,
  files: { html: string; markdown: string },
  lookup: PinnedTextLookup,
  verdicts: Map<string, CitationVerdict>,
  now = new Date(),
): Uint8Array {
  const zip: Zippable = {};
  const manifest: EvidenceManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    title: model.title,
    style: resolved.styleLabel,
    offsets: 'utf16-code-units',
    files: [],
    sources: [],
    citations: [],
  };
  const addFile = (name: string, bytes: Uint8Array) => {
    zip[name] = [bytes, { mtime: now }];
    manifest.files.push({ path: name, sha256: sha256Hex(bytes), bytes: bytes.length });
  };
  addFile('report.html', strToU8(files.html));
  addFile('report.md', strToU8(files.markdown));

  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const packed = new Map<string, string>();
  const noteOf = new Map(resolved.marks.map((m) => [m.citationId, m.noteNumber]));
  for (const citation of model.citations) {
    if (!verdicts.has(citation.id)) continue;
    const key = `${citation.sourceId}\u0000${citation.versionId}`;
    const pinned = lookup(citation.sourceId, citation.versionId);
    if (pinned && !packed.has(key)) {
      const name = `sources/${citation.sourceId}_${citation.versionId.replace(/[^A-Za-z0-9-]/g, '_')}.txt`;
      const bytes = strToU8(pinned.text);
      zip[name] = [bytes, { mtime: now }];
      packed.set(key, name);
      const metadata = sources.get(citation.sourceId)?.metadata;
      manifest.sources.push({
        id: citation.sourceId,
        versionId: citation.versionId,
        title: metadata?.title ?? null,
        authors: metadata?.authors ?? [],
        issued: metadata?.issued ?? null,
        publisher: metadata?.publisher ?? null,
        url: webAddress(metadata?.url),
        path: name,
        sha256: sha256Hex(bytes),
        bytes: bytes.length,
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
      status: verdict.status,
      verified: verdict.verified,
      message: verdict.message,
    });
  }
  zip['README.txt'] = [strToU8(README), { mtime: now }];
  zip['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2) + '\n'), { mtime: now }];
  return zipSync(zip, { level: 6 });
}
