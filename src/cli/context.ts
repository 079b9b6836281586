import path from 'node:path';
import type { HostApi } from '../shared/contract';
import { openNotebook, type Notebook } from '../main/services/notebook';
import { defaultDataDir } from '../main/services/paths';
import { PACKAGE_ROOT } from './root';

export interface CliContext {
  dataDir: string;
  json: boolean;
  out: (line: string) => void;
  notebook(): Notebook;
  /** The contract, typed, exactly as the renderer calls it: same validation, same errors. */
  readonly host: HostApi;
}

export function createContext(options: { dataDir?: string; json: boolean }): CliContext & { close(): void } {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  let opened: Notebook | undefined;
  const notebook = () => (opened ??= openNotebook({ dataDir, resourcesDir: path.join(PACKAGE_ROOT, 'resources') }));
  return {
    dataDir,
    json: options.json,
    out: (line) => process.stdout.write(line + '\n'),
    notebook,
    // Opening the notebook waits until a command first calls it, so `help` never touches the disk.
    get host() {
      return notebook().host;
    },
    close: () => opened?.close(),
  };
}
