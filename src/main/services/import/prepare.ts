import { createHash } from 'node:crypto';
import { foldForMatch } from '../../../shared/text';
import { createDocumentLinker, type DocumentLinker, type KnownAlias } from '../entities/documentLinker';
import { knownAliases } from '../entities/linking';
import type { Repositories } from '../store/repositories';
import { importedSourceId, type PreparedImport } from './commit';
import { ImportError } from './failure';
import { extractDocument } from './parse';
import { suggestEntities, type KnownEntity } from './suggest';

/** A worker imports many files with the same aliases: the linker (alias classes, place index) is built once for them. */
let cachedLinker: { key: string; linker: DocumentLinker } | undefined;
function documentLinkerFor(aliases: readonly KnownAlias[]): DocumentLinker {
  const key = JSON.stringify(aliases);
  if (cachedLinker?.key !== key) cachedLinker = { key, linker: createDocumentLinker(aliases) };
  return cachedLinker.linker;
}

export interface PrepareOptions {
  newVersionOf?: string;
  onProgress?: (fraction: number, label: string) => void;
}

/** Everything slow happens here, outside the write transaction: hashing, parsing, linking, tagging. */
export async function prepareImport(
  repos: Repositories,
  fileName: string,
  original: Buffer,
  options: PrepareOptions = {},
): Promise<PreparedImport> {
  const sha256 = createHash('sha256').update(original).digest('hex');
  const duplicate = repos.imports.versionBySha(sha256);
  if (duplicate) throw new ImportError(`already in the notebook (source ${duplicate.sourceId})`, duplicate.sourceId);
  options.onProgress?.(0.05, 'reading');
  const extracted = await extractDocument(original, fileName, (f, label) => options.onProgress?.(0.05 + f * 0.65, label));
  options.onProgress?.(0.7, 'linking entities');

  const sourceId =
    options.newVersionOf ??
    (extracted.canonicalUrl ? repos.imports.sourceByCanonicalUrl(extracted.canonicalUrl) : undefined) ??
    importedSourceId(sha256);
  const aliases = knownAliases(repos);
  const linked = documentLinkerFor(aliases).link(
    extracted.passages.map((p) => p.text),
    { sourceId },
  );
  options.onProgress?.(0.85, 'finding new names');
  const known = new Set(aliases.map((a) => foldForMatch(a.alias)));
  for (const s of repos.imports.suggestions({ status: 'rejected' })) known.add(foldForMatch(s.name));
  // A tagger reading "Ministry of State Security" may propose "State Security": parts of linked names are not new names.
  const linkedSurfaces = [...new Set([...linked.links.flat(), ...linked.possible.flat()].map((l) => ` ${foldForMatch(l.surface)} `))];
  const entities = new Map<string, KnownEntity & { names: string[] }>();
  for (const a of aliases)
    (entities.get(a.entityId) ?? entities.set(a.entityId, { id: a.entityId, type: a.entityType, names: [] }).get(a.entityId)!).names.push(
      a.alias,
    );
  const candidates = suggestEntities(extracted.passages, known, [...entities.values()]).filter(
    (c) => !linkedSurfaces.some((s) => s.includes(` ${c.folded} `)),
  );
  return { fileName, original, sha256, extracted, linked, candidates, newVersionOf: options.newVersionOf };
}
