import { createHash } from 'node:crypto';
import { foldForMatch } from '../../../shared/text';
import { createLinker, type LinkableAlias } from '../entities/linker';
import type { Repositories } from '../store/repositories';
import { importedSourceId, type PreparedImport } from './commit';
import { ImportError } from './failure';
import { extractDocument } from './parse';
import { suggestEntities } from './suggest';

/**
 * Every alias in the store links imports, except a canonical name that the curators limited to
 * one document (the seed stores it globally too, but links it only where it is certain).
 */
export function linkableAliases(repos: Repositories): LinkableAlias[] {
  const rows = repos.entities.allAliases();
  const scopedNames = new Set(
    rows
      .filter((a) => a.scope !== '' && a.folded === foldForMatch(repos.entities.get(a.entityId)?.name ?? ''))
      .map((a) => `${a.entityId}\u0000${a.folded}`),
  );
  return rows
    .filter((a) => !(a.scope === '' && scopedNames.has(`${a.entityId}\u0000${a.folded}`)))
    .map((a) => ({ entityId: a.entityId, alias: a.alias, exactCase: a.exactCase, scope: a.scope }));
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
  const aliases = linkableAliases(repos);
  const linker = createLinker(aliases);
  const links = extracted.passages.map((p) => linker.link(p.text, sourceId));
  options.onProgress?.(0.85, 'finding new names');
  const known = new Set(aliases.map((a) => foldForMatch(a.alias)));
  for (const s of repos.imports.suggestions({ status: 'rejected' })) known.add(foldForMatch(s.name));
  // A tagger reading "Ministry of State Security" may propose "State Security": parts of linked names are not new names.
  const linkedSurfaces = [...new Set(links.flat().map((l) => ` ${foldForMatch(l.surface)} `))];
  const candidates = suggestEntities(extracted.passages, known).filter((c) => !linkedSurfaces.some((s) => s.includes(` ${c.folded} `)));
  return { fileName, original, sha256, extracted, links, candidates, newVersionOf: options.newVersionOf };
}
