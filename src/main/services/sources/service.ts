import type { CitingNote, Mention, Passage, SourceDeletion, SourceDetail, SourcePurge, SourceSummary } from '../../../shared/domain';
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

  function summarize(source: SourceRecord, tags = repos.sourceTags.bySource(source.id)): SourceSummary {
    const version = repos.sources.currentFacts(source.id);
    if (!version) throw new ApiError('internal', `Source ${source.id} has no text version.`);
    return {
      id: source.id,
      kind: source.kind,
      metadata: source.metadata,
      passageCount: version.passageCount,
      mentionCount: version.mentionCount,
      versionId: version.id,
      sha256: version.sha256,
      fileName: version.fileName,
      tags,
      addedAt: source.createdAt,
      deletedAt: source.deletedAt,
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
    const passages = summary.deletedAt ? deletedPassagesOf(id, shown) : passagesOf(shown);
    // A deleted source's counts are of the library (nothing); its reader counts the text it shows.
    if (!earlier) return summary.deletedAt ? { ...summary, passageCount: passages.length, passages } : { ...summary, passages };
    const current = summary.deletedAt
      ? repos.sourceTrash.trashedPassages(id, summary.versionId)
      : repos.passages.byVersion(summary.versionId);
    const currentTexts = new Set(current.map((p) => p.text));
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

  /** A deleted source's text as it was kept for Undo: shown read-only, without entity marks (its mentions left the graph). */
  function deletedPassagesOf(id: string, versionId: string): Passage[] {
    return repos.sourceTrash.trashedPassages(id, versionId).map(({ versionId: _versionId, ...passage }) => ({ ...passage, mentions: [] }));
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

  function list(deleted = false): SourceSummary[] {
    const tags = repos.sourceTags.all();
    return (deleted ? repos.sources.listDeleted() : repos.sources.list()).map((s) => summarize(s, tags.get(s.id) ?? []));
  }

  /** Tags change what the library shows, never a deleted source (restore it first). */
  function retag(sourceId: string, tags: readonly string[], add: boolean): SourceSummary {
    store.write(add ? 'Tagging the source' : 'Removing tags from the source', (repos) => {
      const source = find(sourceId);
      if (source.deletedAt) throw new ApiError('conflict', `Source ${sourceId} was deleted; restore it before changing its tags.`);
      const now = new Date().toISOString();
      for (const tag of tags) {
        if (add) repos.sourceTags.add(sourceId, tag, now);
        else if (!repos.sourceTags.remove(sourceId, tag))
          throw new ApiError(
            'not_found',
            `Source ${sourceId} has no tag "${tag}" (its tags: ${repos.sourceTags.bySource(sourceId).join(', ') || 'none'}).`,
          );
      }
    });
    return summarize(find(sourceId));
  }

  function renameTag(from: string, to: string): { renamed: number } {
    return store.write('Renaming the tag', (repos) => {
      const renamed = repos.sourceTags.rename(from, to);
      if (renamed === 0) throw new ApiError('not_found', `No source has the tag "${from}".`);
      return { renamed };
    });
  }

  const citedBy = (id: string): CitingNote[] => {
    find(id);
    return repos.sourceTrash.citingNotes(id);
  };

  /**
   * Takes a source out of the library, search and the entity graph (its passages and mentions go
   * to the trash, for Undo). While notes cite it, refused with their names, unless the person
   * chose that each citation keep its pinned version: the quote, the version's text and its hash
   * stay, so every note still shows and exports (and proves) what it quoted.
   */
  function remove(id: string, keepCitations: boolean): SourceDeletion {
    return store.write('Deleting the source', (repos) => {
      const source = find(id);
      const title = source.metadata.title;
      if (source.deletedAt) throw new ApiError('conflict', `Source ${id} is already deleted.`);
      const citing = repos.sourceTrash.citingNotes(id);
      if (citing.length > 0 && !keepCitations) throw new ApiError('conflict', citedMessage(id, title, citing));
      const pinned = repos.sourceTrash.moveToTrash(
        id,
        new Date().toISOString(),
        citing.length > 0 ? 'the source was deleted from the library' : null,
      );
      return { id, title, pinned };
    });
  }

  function restore(id: string): SourceSummary {
    store.write('Restoring the source', (repos) => {
      if (!find(id).deletedAt) throw new ApiError('conflict', `Source ${id} is not deleted.`);
      repos.sourceTrash.restore(id);
    });
    return summarize(find(id));
  }

  /**
   * Deletes a deleted source for good. Only from the deleted list (a source in the library is
   * deleted first, with Undo), and never while a note cites it: a pinned citation proves its quote
   * against the text kept here. Earlier revisions that quote it stay readable; restoring one is
   * refused from now on, naming the source (notes/write.ts).
   */
  function purge(id: string): SourcePurge {
    return store.write('Deleting the source for good', (repos) => {
      const source = find(id);
      const title = source.metadata.title;
      if (!source.deletedAt)
        throw new ApiError(
          'conflict',
          `“${title ?? id}” is in the library: delete it first; only a deleted source can be deleted for good.`,
        );
      const citing = repos.sourceTrash.citingNotes(id);
      if (citing.length > 0) throw new ApiError('conflict', purgeRefusedMessage(id, title, citing));
      const revisionsQuoting = repos.sourceTrash.revisionsQuoting(id);
      repos.sourceTrash.purge(id, title, new Date().toISOString());
      return { id, title, revisionsQuoting };
    });
  }

  return {
    list,
    get,
    updateMetadata,
    tag: (sourceId: string, tags: readonly string[]) => retag(sourceId, tags, true),
    untag: (sourceId: string, tags: readonly string[]) => retag(sourceId, tags, false),
    renameTag,
    citedBy,
    delete: remove,
    restore,
    purge,
  };
}

/** The citing notes by title (five at most, then how many more), and how many citations they hold. */
function citingNames(citing: readonly CitingNote[]): { count: number; names: string } {
  const count = citing.reduce((n, c) => n + c.citations, 0);
  const shown = citing.slice(0, 5).map((n) => `“${n.title}”${n.inTrash ? ' (in the trash)' : ''}`);
  if (citing.length > shown.length) shown.push(`${citing.length - shown.length} more`);
  return { count, names: shown.join(', ') };
}

/** Names the notes whose citations keep a deleted source's text, and the way on. */
export function purgeRefusedMessage(id: string, title: string | null, citing: readonly CitingNote[]): string {
  const { count, names } = citingNames(citing);
  return (
    `“${title ?? id}” cannot be deleted for good: ${count} citation${count === 1 ? '' : 's'} in ${names} prove${count === 1 ? 's' : ''} ` +
    'its quote against its kept text. Remove those citations first (or empty them from the trash).'
  );
}

/** Names the notes that hold a source in the library, and the two ways on. */
export function citedMessage(id: string, title: string | null, citing: readonly CitingNote[]): string {
  const { count, names } = citingNames(citing);
  return (
    `“${title ?? id}” is cited ${count} time${count === 1 ? '' : 's'} by ${citing.length} note${citing.length === 1 ? '' : 's'}: ${names}. ` +
    'Remove those citations first, or delete it keeping each citation pinned to the words it quotes.'
  );
}
