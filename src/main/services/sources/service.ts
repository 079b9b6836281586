import type { Mention, Passage, SourceDetail, SourceSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { SourceMetadata, SourceMetadataEdit } from '../../../shared/sourceMetadata';
import type { SourceRecord } from '../store/repositories/sources';
import type { Store } from '../store/store';
import { WEB_ADDRESS_RULE, webAddress } from '../../../shared/url';

export type SourcesService = ReturnType<typeof createSourcesService>;

/** Omitted keeps the current value; blank text clears it (the contract already trimmed what should be). */
const edited = (value: string | null | undefined, current: string | null) => (value === undefined ? current : value?.trim() ? value : null);

export function createSourcesService(store: Store) {
  const { repos } = store;

  function summarize(source: SourceRecord): SourceSummary {
    const version = repos.sources.currentVersion(source.id);
    if (!version) throw new ApiError('internal', `Source ${source.id} has no text version.`);
    return {
      id: source.id,
      kind: source.kind,
      metadata: source.metadata,
      passageCount: repos.passages.countByVersion(version.id),
      mentionCount: repos.mentions.countByVersion(version.id),
      versionId: version.id,
      sha256: version.sha256,
      fileName: version.fileName,
    };
  }

  function find(id: string): SourceRecord {
    const source = repos.sources.get(id);
    if (!source) throw new ApiError('not_found', `No source with id "${id}".`);
    return source;
  }

  /** A source with its current passages, each carrying the entity mentions the reader highlights. */
  function get(id: string): SourceDetail {
    const summary = summarize(find(id));
    const byPassage = new Map<number, Mention[]>();
    for (const { passageId, ...mention } of repos.mentions.byVersion(summary.versionId)) {
      const list = byPassage.get(passageId) ?? [];
      list.push(mention);
      byPassage.set(passageId, list);
    }
    const passages: Passage[] = repos.passages
      .byVersion(summary.versionId)
      .map(({ versionId: _versionId, ...passage }) => ({ ...passage, mentions: byPassage.get(passage.id) ?? [] }));
    return { ...summary, passages };
  }

  /** A person's edit of what the library shows about a source; fields not given keep their value. */
  function updateMetadata(sourceId: string, edit: SourceMetadataEdit): SourceDetail {
    store.write('Saving the source details', (repos) => {
      const source = find(sourceId);
      const current = source.metadata;
      const next: SourceMetadata = {
        title: edited(edit.title, current.title),
        authors: edit.authors ?? current.authors,
        issued: edited(edit.issued, current.issued),
        publisher: edited(edit.publisher, current.publisher),
        url: edited(edit.url, current.url),
        note: edited(edit.note, current.note),
      };
      if (next.url) {
        const checked = webAddress(next.url);
        if (!checked) throw new ApiError('invalid_input', `"${next.url}" is not a web address: ${WEB_ADDRESS_RULE}.`);
        next.url = checked;
      }
      repos.sources.update(sourceId, next, source.canonicalUrl);
    });
    return get(sourceId);
  }

  return { list: () => repos.sources.list().map(summarize), get, updateMetadata };
}
