import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNotebook, type Notebook } from '../main/services/notebook';
import { defaultDataDir } from '../main/services/paths';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliContext {
  dataDir: string;
  json: boolean;
  out: (line: string) => void;
  notebook(): Notebook;
  /** Calls a contract call exactly as the renderer would: same validation, same errors. */
  call<T>(wire: string, input: unknown): Promise<T>;
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
    call: async <T>(wire: string, input: unknown) => (await notebook().dispatch(wire, input)) as T,
    close: () => opened?.close(),
  };
}
