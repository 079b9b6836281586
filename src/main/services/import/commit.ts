import type { SourceMetadata } from '../../../shared/domain';
import type { ImportedSource } from '../../../shared/imports';
import type { LinkedDocument } from '../entities/documentLinker';
import { replayDecisions } from '../entities/decisions';
import { storeLinks } from '../entities/linking';
import type { Store } from '../store/store';
import { MEDIA_TYPES } from './detect';
import { ImportError } from './failure';
import type { Extracted } from './parse';
import type { Candidate } from './suggest';

export interface PreparedImport {
  fileName: string;
  original: Buffer;
  sha256: string;
  extracted: Extracted;
  /** Entity links and possible mentions per passage, in passage order, offsets into each passage's text. */
  linked: LinkedDocument;
  candidates: Candidate[];
  newVersionOf?: string;
}

export interface CommitHooks {
  /** Called before each passage is written; tests throw here to prove a failed file leaves nothing. */
  beforePassage?: (index: number) => void;
}

export type Committed = Omit<ImportedSource, 'citationsToReview'>;

/**
 * A new version keeps what the user wrote about the source and fills in only what was unknown,
 * with the new file's note of where each filled-in value came from.
 */
export function mergeMetadata(current: SourceMetadata, found: SourceMetadata): SourceMetadata {
  const merged = { ...current, found: { ...current.found } };
  for (const key of Object.keys(current) as (keyof SourceMetadata)[]) {
    if (key === 'found') continue;
    const known = key === 'authors' ? current.authors.length > 0 : current[key] !== null;
    if (known) continue;
    (merged as Record<string, unknown>)[key] = found[key];
    const origin = found.found[key as keyof typeof found.found];
    if (origin) merged.found[key as keyof typeof found.found] = origin;
  }
  return merged;
}

export const importedSourceId = (sha256: string) => `src-${sha256.slice(0, 12)}`;

/**
 * Writes one file in one immediate transaction: source or new version, passages, mentions and
 * suggestions all land, or — on any error, a crash or a kill — none of them do.
 */
export function commitImport(store: Store, input: PreparedImport, hooks: CommitHooks = {}): Committed {
  const { extracted } = input;
  return store.write(`Importing ${input.fileName}`, (repos): Committed => {
    const duplicate = repos.imports.versionBySha(input.sha256);
    if (duplicate && repos.sources.get(duplicate.sourceId)?.deletedAt)
      throw new ImportError(
        `is the text of a source you deleted (${duplicate.sourceId}); bring it back with \`sourcebook source restore ${duplicate.sourceId}\` or the library's Deleted list`,
      );
    if (duplicate) throw new ImportError(`already in the notebook (source ${duplicate.sourceId})`, duplicate.sourceId);

    let sourceId: string | undefined = input.newVersionOf;
    if (sourceId && !repos.sources.get(sourceId))
      throw new ImportError(`cannot be a new version of "${sourceId}": there is no such source`);
    if (sourceId && repos.sources.get(sourceId)?.deletedAt)
      throw new ImportError(`cannot be a new version of "${sourceId}": that source was deleted (restore it first)`);
    sourceId ??= extracted.canonicalUrl ? repos.imports.sourceByCanonicalUrl(extracted.canonicalUrl) : undefined;
    const newVersion = sourceId !== undefined;

    let title = extracted.metadata.title;
    if (sourceId) {
      const source = repos.sources.get(sourceId)!;
      const merged = mergeMetadata(source.metadata, extracted.metadata);
      repos.sources.update(sourceId, merged, source.canonicalUrl ?? extracted.canonicalUrl);
      title = merged.title;
    } else {
      sourceId = importedSourceId(input.sha256);
      repos.sources.insert({ id: sourceId, kind: 'import', canonicalUrl: extracted.canonicalUrl, metadata: extracted.metadata });
    }
    const versionId = `v-${input.sha256.slice(0, 16)}`;
    repos.sources.insertVersion({
      id: versionId,
      sourceId,
      sha256: input.sha256,
      original: input.original,
      text: extracted.text,
      metadata: extracted.metadata,
      fileName: input.fileName,
      mediaType: MEDIA_TYPES[extracted.format],
    });

    const passageIds = extracted.passages.map((passage, index) => {
      hooks.beforePassage?.(index);
      return repos.passages.insert(versionId, passage);
    });
    // A person's decisions about this source (an earlier version, or the same file imported before) still stand.
    const kept = replayDecisions(
      repos,
      sourceId,
      versionId,
      extracted.passages.map((p, i) => ({ id: passageIds[i]!, text: p.text })),
    );
    const stored = storeLinks(repos, passageIds, input.linked, kept);
    for (const c of input.candidates) repos.imports.addSuggestion({ sourceId, ...c });

    return {
      fileName: input.fileName,
      sourceId,
      versionId,
      format: extracted.format,
      title,
      passageCount: extracted.passages.length,
      mentionCount: stored.mentions,
      possibleMentionCount: stored.possible,
      newVersion,
      suggestionCount: input.candidates.length,
    };
  });
}
