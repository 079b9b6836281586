import * as m0001 from './0001_init';
import * as m0002 from './0002_notes';
import * as m0003 from './0003_import';
import * as m0004 from './0004_change_log';
import * as m0005 from './0005_saved_searches';
import * as m0006 from './0006_citation_states';
import * as m0007 from './0007_link_provenance';
import * as m0008 from './0008_source_tags_and_deletion';
import * as m0009 from './0009_entity_decisions';
import * as m0010 from './0010_purged_sources';
import type { Db } from '../db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs in the same transaction just before `sql`, for data that SQL alone cannot compute (hashes, JSON rewrites). */
  prepare?: (db: Db) => void;
}

/**
 * Forward-only and numbered: a migration, once released, is never edited; a change is a new file.
 * To add one, create NNNN_name.ts exporting `sql` (and `prepare` if it needs JavaScript) and append it here.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: m0001.sql },
  { version: 2, name: 'notes', sql: m0002.sql },
  { version: 3, name: 'import', sql: m0003.sql },
  { version: 4, name: 'change log', sql: m0004.sql },
  { version: 5, name: 'saved searches', sql: m0005.sql },
  { version: 6, name: 'citation states', sql: m0006.sql, prepare: m0006.prepare },
  { version: 7, name: 'link provenance', sql: m0007.sql },
  { version: 8, name: 'source tags and deletion', sql: m0008.sql },
  { version: 9, name: 'entity decisions', sql: m0009.sql },
  { version: 10, name: 'purged sources', sql: m0010.sql },
];
