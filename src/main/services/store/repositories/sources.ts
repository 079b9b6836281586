import type { Db } from '../db';
import type { SourceMetadata } from '../../../../shared/domain';

export interface SourceRow {
  id: string;
  kind: 'seed' | 'import';
  canonical_url: string | null;
  metadata: string;
  current_version_id: string | null;
  created_at: string;
}

export interface VersionRow {
  id: string;
  source_id: string;
  sha256: string;
  text: string;
  metadata: string;
  file_name: string | null;
  media_type: string;
  created_at: string;
}

export interface NewVersion {
  id: string;
  sourceId: string;
  sha256: string;
  original: Buffer;
  text: string;
  metadata: SourceMetadata;
  fileName: string | null;
  mediaType: string;
}

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
  const listAll = db.prepare(`SELECT * FROM source ORDER BY created_at, id`);
  const byId = db.prepare(`SELECT * FROM source WHERE id = ?`);
  const versionById = db.prepare(
    `SELECT id, source_id, sha256, text, metadata, file_name, media_type, created_at FROM source_version WHERE id = ?`,
  );
  const originalById = db.prepare(`SELECT original FROM source_version WHERE id = ?`);
  const count = db.prepare(`SELECT count(*) AS n FROM source`);

  return {
    insert(source: { id: string; kind: 'seed' | 'import'; canonicalUrl: string | null; metadata: SourceMetadata }): void {
      insertSource.run({ ...source, metadata: JSON.stringify(source.metadata), createdAt: new Date().toISOString() });
    },
    insertVersion(version: NewVersion): void {
      insertVersion.run({ ...version, metadata: JSON.stringify(version.metadata), createdAt: new Date().toISOString() });
      setCurrent.run(version.id, version.sourceId);
    },
    list: () => listAll.all() as SourceRow[],
    get: (id: string) => byId.get(id) as SourceRow | undefined,
    version: (id: string) => versionById.get(id) as VersionRow | undefined,
    original: (versionId: string) => (originalById.get(versionId) as { original: Buffer } | undefined)?.original,
    count: () => (count.get() as { n: number }).n,
  };
}
