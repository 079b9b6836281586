import { ApiError } from '../../../shared/errors';
import type { CitationPayload, RevisionReason, SerializedNoteDocument } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';
import { analyzeDocument } from './document';
import { currentTarget, reanchorCitation, textSha256 } from './reanchor';
import { VersionAlignment } from './versionAlignment';

export interface WriteOptions {
  now: string;
  /** Which revision to record, if any; 'auto' is coalesced to one per `revisionIntervalMs`. */
  snapshot: RevisionReason | 'auto-throttled' | 'none';
  revisionIntervalMs: number;
}

/**
 * A new citation's payload comes from the renderer, so it is checked against the store: the
 * version must belong to the source and slice to exactly the quoted words. A citation never
 * enters the store pointing at text it does not quote.
 */
function verifiedCitation(repos: Repositories, noteId: string, c: CitationPayload): { versionText: string } {
  const version = repos.sources.version(c.versionId);
  const where = `citation of ${c.sourceId} ¶${c.passageOrdinal}`;
  const purged = version ? undefined : repos.sourceTrash.purged(c.sourceId);
  if (purged) {
    throw new ApiError(
      'conflict',
      `The ${where} quotes “${purged.title ?? c.sourceId}”, deleted for good on ${purged.purgedAt.slice(0, 10)}: it cannot come back into note ${noteId}.`,
    );
  }
  if (!version || version.sourceId !== c.sourceId)
    throw new ApiError('invalid_input', `The ${where} names a source version that is not in this notebook.`);
  if (version.sha256 !== c.versionSha256)
    throw new ApiError('invalid_input', `The ${where} names version ${c.versionId} with another hash.`);
  if (c.end > version.text.length || version.text.slice(c.start, c.end) !== c.exact) {
    throw new ApiError('invalid_input', `The ${where} in note ${noteId} does not quote the source text at ${c.start}–${c.end}.`);
  }
  return { versionText: version.text };
}

function syncCitations(repos: Repositories, noteId: string, citations: CitationPayload[], now: string): void {
  const existing = new Map(repos.citations.byNote(noteId).map((row) => [row.key, row]));
  const keep = new Set<string>();
  // The hash of each cited text, recorded with the citation so an export can prove the text unchanged since.
  const hashes = new Map<string, string>();
  for (const c of citations) {
    keep.add(c.key);
    // A known citation keeps its row: re-anchoring may have moved it since the node was made.
    if (existing.has(c.key)) continue;
    const { versionText } = verifiedCitation(repos, noteId, c);
    if (!hashes.has(c.versionId)) hashes.set(c.versionId, textSha256(versionText));
    const id = repos.citations.insert({ ...c, noteId, textSha256: hashes.get(c.versionId)!, status: 'current', history: [], now });
    // Restoring an old revision can bring back a citation made against an older text.
    const current = repos.sources.get(c.sourceId)?.currentVersionId;
    if (current && current !== c.versionId) {
      const citation = repos.citations.byNoteKey(noteId, c.key)!;
      const target = currentTarget(repos, c.sourceId);
      const alignment = target && new VersionAlignment(versionText, target.version.text);
      repos.citations.updateAnchor(reanchorCitation({ ...citation, id }, target, alignment, now));
    }
  }
  for (const [key, row] of existing) if (!keep.has(key)) repos.citations.remove(row.id);
}

/** Must run inside a transaction. Returns the revision id when one was recorded. */
export function writeDocument(
  repos: Repositories,
  noteId: string,
  document: SerializedNoteDocument,
  title: string,
  options: WriteOptions,
): number | null {
  const facts = analyzeDocument(document);
  const documentJson = JSON.stringify(document);
  repos.notes.saveContent({ id: noteId, title, documentJson, plainText: facts.plainText, now: options.now });
  syncCitations(repos, noteId, facts.citations, options.now);
  const entities = new Map([...facts.entityMentions].filter(([id]) => repos.entities.get(id)));
  const linked = new Map([...facts.noteLinks].filter(([id]) => id !== noteId && repos.notes.get(id)));
  repos.links.replace(noteId, linked, entities);

  if (options.snapshot === 'none') return null;
  const latest = repos.noteRevisions.latest(noteId);
  if (latest && repos.noteRevisions.latestHolds(noteId, title, documentJson)) return null;
  if (
    options.snapshot === 'auto-throttled' &&
    latest &&
    Date.parse(options.now) - Date.parse(latest.createdAt) < options.revisionIntervalMs
  ) {
    // Coalescing: within one interval of typing, each pause updates the autosave revision already
    // made, so the history keeps at most one revision per interval, each with the text of its last
    // pause. Any other kind of revision (created, closed, restored) is a fixed point: left alone.
    if (latest.reason !== 'autosave') return null;
    repos.noteRevisions.updateContent({ id: latest.id, title, documentJson, plainText: facts.plainText });
    return latest.id;
  }
  const reason: RevisionReason = options.snapshot === 'auto-throttled' ? 'autosave' : options.snapshot;
  return repos.noteRevisions.insert({ noteId, title, documentJson, plainText: facts.plainText, reason, now: options.now });
}
