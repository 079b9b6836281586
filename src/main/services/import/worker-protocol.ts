import type { Committed } from './commit';

export interface WorkerInit {
  dbFile: string;
  nativeBinding?: string;
}

export interface WorkerTask {
  type: 'import';
  taskId: number;
  fileName: string;
  /** Either a path the worker reads itself, or bytes already in memory (uploads). */
  path?: string;
  bytes?: Uint8Array;
  maxFileBytes: number;
  newVersionOf?: string;
  /** Test hook: the commit throws before writing this passage. */
  failAtPassage?: number;
}

export type WorkerReply =
  | { type: 'progress'; taskId: number; fraction: number; label: string }
  | { type: 'committing'; taskId: number }
  | { type: 'done'; taskId: number; result: Committed }
  | { type: 'failed'; taskId: number; reason: string; existingSourceId?: string };

export const formatMb = (bytes: number) =>
  bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1048576) * 10) / 10} MB`;
