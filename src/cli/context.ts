import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostApi } from '../shared/contract';
import { openNotebook, type Notebook } from '../main/services/notebook';
import { defaultDataDir } from '../main/services/paths';

/** The folder with package.json: two levels up from both src/cli/context.ts and the bundle out/main/cli.js. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = packageRoot();

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
