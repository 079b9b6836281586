import type { Mention, Passage, SourceDetail, SourceSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { withoutOrigins, type SourceMetadata, type SourceMetadataEdit } from '../../../shared/sourceMetadata';
import type { SourceRecord } from '../store/repositories/sources';
import type { Store } from '../store/store';
import { WEB_ADDRESS_RULE, webAddress } from '../../../shared/url';

const DOI = /^10\.\d{4,9}\/\S+$/;
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Values a program reads, checked as a person saves them (only the fields they changed, so an
 * older value never blocks an unrelated edit): a URL is a web address, a DOI a DOI name, an
 * access date a calendar date. Free-text fields (the publication date may be "Spring 2021") are not.
 */
function checkEdit(m: SourceMetadata, changed: readonly string[]): void {
  const refuse = (message: string) => {
    throw new ApiError('invalid_input', message);
  };
  if (changed.includes('url') && m.url) {
    const checked = webAddress(m.url);
    if (checked) m.url = checked;
    else refuse(`"${m.url}" is not a web address: ${WEB_ADDRESS_RULE}.`);
  }
  if (changed.includes('doi') && m.doi) {
    m.doi = m.doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
    if (!DOI.test(m.doi)) refuse(`"${m.doi}" is not a DOI (it starts with "10." and a registrant code, e.g. 10.1177/0022343319829798).`);
  }
  if (changed.includes('accessed') && m.accessed && !ISO_DATE.test(m.accessed) && !Number.isFinite(Date.parse(m.accessed)))
    refuse(`"${m.accessed}" is not a date (write it as 2024-03-05).`);
}

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

  /**
   * A source with its current passages, each carrying the entity mentions the reader highlights;
   * or, given an earlier version, that version's passages with the ones the current text no longer
   * holds marked (the reader's "as cited", beside the current text).
   */
  function get(id: string, versionId?: string): SourceDetail {
    const summary = summarize(find(id));
    const shown = versionId ?? summary.versionId;
    const earlier = shown === summary.versionId ? undefined : repos.sources.version(shown);
    if (shown !== summary.versionId && earlier?.sourceId !== id) throw new ApiError('not_found', `Source ${id} has no version "${shown}".`);
    const passages = passagesOf(shown);
    if (!earlier) return { ...summary, passages };
    const currentTexts = new Set(repos.passages.byVersion(summary.versionId).map((p) => p.text));
    return {
      ...summary,
      versionId: earlier.id,
      sha256: earlier.sha256,
      fileName: earlier.fileName,
      passages,
      earlierVersion: {
        versionId: earlier.id,
        createdAt: earlier.createdAt,
        currentVersionId: summary.versionId,
        changedOrdinals: passages.filter((p) => !currentTexts.has(p.text)).map((p) => p.ordinal),
      },
    };
  }

  function passagesOf(versionId: string): Passage[] {
    const byPassage = new Map<number, Mention[]>();
    for (const { passageId, ...mention } of repos.mentions.byVersion(versionId)) {
      const list = byPassage.get(passageId) ?? [];
      list.push(mention);
      byPassage.set(passageId, list);
    }
    return repos.passages
      .byVersion(versionId)
      .map(({ versionId: _versionId, ...passage }) => ({ ...passage, mentions: byPassage.get(passage.id) ?? [] }));
  }

  /**
   * A person's edit of what the library shows about a source; fields not given keep their value.
   * A field the person changes is theirs from then on: import's note of where it came from goes.
   */
  function updateMetadata(sourceId: string, edit: SourceMetadataEdit): SourceDetail {
    store.write('Saving the source details', (repos) => {
      const source = find(sourceId);
      const current = source.metadata;
      const next: SourceMetadata = { ...current };
      const changed: string[] = [];
      for (const [key, value] of Object.entries(edit) as [keyof SourceMetadataEdit, unknown][]) {
        if (value === undefined) continue;
        const before = current[key];
        const after = key === 'authors' || key === 'type' ? value : edited(value as string | null, before as string | null);
        (next as Record<string, unknown>)[key] = after;
        if (JSON.stringify(after) !== JSON.stringify(before)) changed.push(key);
      }
      next.found = withoutOrigins(current.found, changed);
      checkEdit(next, changed);
      repos.sources.update(sourceId, next, source.canonicalUrl);
    });
    return get(sourceId);
  }

  return { list: () => repos.sources.list().map(summarize), get, updateMetadata };
}
