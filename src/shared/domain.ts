import type { EntityType } from './contract/ids';
import type { SourceMetadata } from './sourceMetadata';

export type { EntityType };
export type { SourceMetadata } from './sourceMetadata';

export type PassageKind = 'title' | 'heading' | 'paragraph' | 'bullet' | 'quote' | 'caption' | 'byline';

export interface SourceSummary {
  id: string;
  kind: 'seed' | 'import';
  metadata: SourceMetadata;
  passageCount: number;
  mentionCount: number;
  versionId: string;
  sha256: string;
  fileName: string | null;
  /** A person's labels, sorted. */
  tags: string[];
  /** When the source came into the notebook (ISO). */
  addedAt: string;
  /** When it was deleted; set only on a deleted source (the citations that pinned it still show it). */
  deletedAt: string | null;
}

/** A note that cites a source: what deleting the source would touch. */
export interface CitingNote {
  id: string;
  title: string;
  citations: number;
  inTrash: boolean;
}

export interface SourceDeletion {
  id: string;
  title: string | null;
  /** Citations that kept their pinned version because the person chose so. */
  pinned: number;
}

/** A deleted source deleted for good. */
export interface SourcePurge {
  id: string;
  title: string | null;
  /** Earlier revisions of notes that quote it: restoring one is refused from now on. */
  revisionsQuoting: number;
}

/** How a mention was made (docs/entities.md): a curated check, the linker's rules, or a person. */
export type LinkMethod = 'curated' | 'name' | 'alias' | 'context' | 'person' | 'user';
export type MentionOrigin = 'curated' | 'linked' | 'suggested' | 'user';

export interface Mention {
  id: number;
  entityId: string;
  entityType: EntityType;
  entityName: string;
  start: number;
  end: number;
  surface: string;
  origin: MentionOrigin;
  method: LinkMethod;
  /** How sure the linker was, 0–1; a person's link is 1. */
  confidence: number;
}

export interface Passage {
  id: number;
  anchor: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  start: number;
  end: number;
  page: number | null;
  mentions: Mention[];
}

export interface SourceDetail extends SourceSummary {
  passages: Passage[];
  /**
   * Set when an earlier version than the current one was asked for (the reader's "as cited"):
   * when it was added, and the ordinals of its passages whose text the current version no longer has.
   */
  earlierVersion?: { versionId: string; createdAt: string; currentVersionId: string; changedOrdinals: number[] };
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  date: string | null;
  mentionCount: number;
  sourceCount: number;
}

export interface EntityMentionInContext {
  mentionId: number;
  sourceId: string;
  sourceTitle: string | null;
  passageAnchor: string;
  passageOrdinal: number;
  surface: string;
  /** The passage text split around the mention so the UI never needs to build markup. */
  before: string;
  match: string;
  after: string;
}

/**
 * A span a generic alias matched where its document did not support the entity: not counted as a
 * link until a person confirms it.
 */
export interface PossibleMentionInContext {
  possibleId: number;
  sourceId: string;
  sourceTitle: string | null;
  passageAnchor: string;
  passageOrdinal: number;
  surface: string;
  /** Why the linker did not link it, in words. */
  reason: string;
  before: string;
  match: string;
  after: string;
}

export interface EntityDetail extends EntitySummary {
  mentions: EntityMentionInContext[];
}

export interface TaskProgress {
  task: string;
  label: string;
  done: number;
  total: number;
  finished: boolean;
}

/**
 * What changed in the notebook, as the `changed` event tells every window and service. It is read
 * from the store's change log, so a commit by another process (the CLI, a second window) is told
 * the same way as one made here.
 */
export type Change = { kind: 'source'; sourceId: string } | { kind: 'entity'; entityId: string } | { kind: 'note'; noteId: string };

/** One decision a person made about entities, as the entity's history shows it. */
export interface EntityEdit {
  id: number;
  entityIds: string[];
  action:
    'create' | 'rename' | 'type' | 'alias-add' | 'alias-remove' | 'merge' | 'split' | 'delete' | 'unlink' | 'link' | 'confirm' | 'reject';
  summary: string;
  at: string;
  undoneAt: string | null;
  /** Whether undoing it now is possible: no later decision on the same entities stands in the way. */
  undoable: boolean;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentionCount: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Passages in which both entities are mentioned. */
  weight: number;
}

/** An export of the entity views as a file (see the `entities.exportFile` call). */
export interface EntityExportFile {
  fileName: string;
  mediaType: string;
  text: string;
  /** How many entities, mentions, graph nodes or timeline items it holds. */
  count: number;
}

export interface EntityGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A passage where two entities appear together (clicking an edge of the graph). */
export interface CoMention {
  sourceId: string;
  sourceTitle: string | null;
  passageAnchor: string;
  passageOrdinal: number;
  text: string;
}

export interface TimelineItem {
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD): what the text says, no more precise. */
  date: string;
  kind: 'event' | 'source' | 'stated';
  label: string;
  sourceId: string | null;
  passageAnchor: string | null;
  entityIds: string[];
}
