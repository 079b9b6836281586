import type { Db } from '../db';
import type { SourceMetadata } from '../../../../shared/domain';
import { StoredSourceMetadataSchema } from '../../../../shared/sourceMetadata';
import { decodeJson, type Encoded } from './decode';

export type SourceKind = 'seed' | 'import';

export interface SourceRecord {
  id: string;
  kind: SourceKind;
  canonicalUrl: string | null;
  metadata: SourceMetadata;
  currentVersionId: string | null;
  createdAt: string;
  /** Set while the source is deleted (migration 0008): out of the library, kept for the citations that pinned it. */
  deletedAt: string | null;
}

/** One immutable text of a source. Its original bytes are read apart (`original`): they can be large. */
export interface VersionRecord {
  id: string;
  sourceId: string;
  sha256: string;
  text: string;
  fileName: string | null;
  mediaType: string;
  createdAt: string;
}

/** The current version as the library lists it: no text, its passages and mentions counted. */
export interface CurrentVersionFacts {
  id: string;
  sha256: string;
  fileName: string | null;
  passageCount: number;
  mentionCount: number;
}

export interface NewVersion extends Omit<VersionRecord, 'createdAt'> {
  original: Buffer;
  /** What this file said about itself, kept with the version; the source's record is what the library shows. */
  metadata: SourceMetadata;
}

const SOURCE = `id, kind, canonical_url AS canonicalUrl, metadata, current_version_id AS currentVersionId, created_at AS createdAt, deleted_at AS deletedAt`;
const VERSION = `v.id, v.source_id AS sourceId, v.sha256, v.text, v.file_name AS fileName, v.media_type AS mediaType, v.created_at AS createdAt`;

const decodeSource = (row: Encoded<SourceRecord, 'metadata'>): SourceRecord => ({
  ...row,
  metadata: decodeJson(StoredSourceMetadataSchema(), row.metadata, `the details of source ${row.id}`),
});

export function sourcesRepository(db: Db) {
  const insertSource = db.prepare(
    `INSERT INTO source (id, kind, canonical_url, metadata, current_version_id, created_at)
     VALUES (@id, @kind, @canonicalUrl, @metadata, NULL, @createdAt)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO source_version (id, source_id, sha256, original, text, metadata, file_name, media_type, created_at)
     VALUES (@id, @sourceId, @sha256, @original, @text, @metadata, @fileName, @mediaType, @createdAt)`,
  );
  const setCurrent = db.prepare(`UPDATE source SET current_version_id = ? WHERE id = ?`);
  const setDetails = db.prepare(`UPDATE source SET metadata = ?, canonical_url = ? WHERE id = ?`);
  const listAll = db.prepare(`SELECT ${SOURCE} FROM source WHERE deleted_at IS NULL ORDER BY created_at, id`);
  const listDeleted = db.prepare(`SELECT ${SOURCE} FROM source WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`);
  const byId = db.prepare(`SELECT ${SOURCE} FROM source WHERE id = ?`);
  const versionById = db.prepare(`SELECT ${VERSION} FROM source_version v WHERE v.id = ?`);
  const currentVersion = db.prepare(`SELECT ${VERSION} FROM source s JOIN source_version v ON v.id = s.current_version_id WHERE s.id = ?`);
  const originalById = db.prepare(`SELECT original FROM source_version WHERE id = ?`);
  const currentFacts = db.prepare(
    `SELECT v.id, v.sha256, v.file_name AS fileName,
       (SELECT count(*) FROM passage p WHERE p.version_id = v.id) AS passageCount,
       (SELECT count(*) FROM mention m JOIN passage p ON p.id = m.passage_id WHERE p.version_id = v.id) AS mentionCount
     FROM source s JOIN source_version v ON v.id = s.current_version_id WHERE s.id = ?`,
  );
  const count = db.prepare(`SELECT count(*) AS n FROM source WHERE deleted_at IS NULL`);

  return {
    insert(source: { id: string; kind: SourceKind; canonicalUrl: string | null; metadata: SourceMetadata }): void {
      insertSource.run({ ...source, metadata: JSON.stringify(source.metadata), createdAt: new Date().toISOString() });
    },
    /** Adds a version and makes it the source's current text. */
    insertVersion(version: NewVersion): void {
      insertVersion.run({ ...version, metadata: JSON.stringify(version.metadata), createdAt: new Date().toISOString() });
      setCurrent.run(version.id, version.sourceId);
    },
    /** What the library shows about a source: a person's edit, or a new version filling in what was unknown. */
    update: (id: string, metadata: SourceMetadata, canonicalUrl: string | null) =>
      void setDetails.run(JSON.stringify(metadata), canonicalUrl, id),
    /** The library: every source not deleted. */
    list: () => (listAll.all() as Encoded<SourceRecord, 'metadata'>[]).map(decodeSource),
    /** Deleted sources, most recently deleted first. */
    listDeleted: () => (listDeleted.all() as Encoded<SourceRecord, 'metadata'>[]).map(decodeSource),
    get(id: string): SourceRecord | undefined {
      const row = byId.get(id) as Encoded<SourceRecord, 'metadata'> | undefined;
      return row && decodeSource(row);
    },
    version: (id: string) => versionById.get(id) as VersionRecord | undefined,
    /** The source's current version, or undefined when it has none. */
    currentVersion: (sourceId: string) => currentVersion.get(sourceId) as VersionRecord | undefined,
    /** What the library shows of the current version, without reading its text: a list of many large sources stays quick. */
    currentFacts: (sourceId: string) => currentFacts.get(sourceId) as CurrentVersionFacts | undefined,
    original: (versionId: string) => (originalById.get(versionId) as { original: Buffer } | undefined)?.original,
    count: () => (count.get() as { n: number }).n,
  };
}
