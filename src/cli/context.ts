import './oneShot';
import path from 'node:path';
import type { HostApi } from '../shared/contract';
import { openNotebook, type Notebook } from '../main/services/notebook';
import { defaultDataDir } from '../main/services/paths';
import { terminalSafe } from '../shared/text';

import { writeErr, writeOut } from './output';
import { PACKAGE_ROOT } from './root';

export interface CliContext {
  dataDir: string;
  json: boolean;
  out: (line: string) => void;
  /** Like `out`, to standard error: progress and warnings, so --json output stays one document. */
  err: (line: string) => void;
  notebook(): Notebook;
  /** The contract, typed, exactly as the renderer calls it: same validation, same errors. */
  readonly host: HostApi;
}

export function createContext(options: { dataDir?: string; json: boolean }): CliContext & { close(): Promise<void> } {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  let opened: Notebook | undefined;
  const notebook = () => (opened ??= openNotebook({ dataDir, resourcesDir: path.join(PACKAGE_ROOT, 'resources'), backups: 'now' }));
  return {
    dataDir,
    json: options.json,
    // Source and user text reach the terminal only through here (or `err`), escaped: a document's
    // ESC sequences must not retitle, clear or rewrite the screen.
    out: (line) => writeOut(terminalSafe(line) + '\n'),
    err: (line) => writeErr(terminalSafe(line) + '\n'),
    notebook,
    // Opening the notebook waits until a command first calls it, so `help` never touches the disk.
    get host() {
      return notebook().host;
    },
    // Resolves once every worker the command started has stopped (a search index being written
    // finishes first), so the command may then exit at once.
    close: () => {
      opened?.close();
      return opened ? opened.closed() : Promise.resolve();
    },
  };
}
