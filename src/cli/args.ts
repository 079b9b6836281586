import { parseArgs } from 'node:util';
import type { Command, OptionSpec } from './commands/types';

export const GLOBAL_OPTIONS = {
  json: { type: 'boolean', description: 'print JSON for scripts' },
  'data-dir': { type: 'string', description: 'notebook folder (default: $SOURCEBOOK_DATA_DIR or the per-user data folder)' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
} as const satisfies Record<string, OptionSpec>;

/** The command line itself is wrong: exit code 2, with the usage of the command when there is one. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** What the words on the command line ask for. */
export type Invocation =
  | { kind: 'help'; command?: Command }
  | { kind: 'run'; command: Command; positionals: string[]; values: Record<string, unknown>; json: boolean; dataDir?: string };

const globalTakesValue = (token: string): boolean => {
  const name = token.replace(/^--?/, '');
  const spec = (GLOBAL_OPTIONS as Record<string, OptionSpec>)[name];
  return spec?.type === 'string';
};

const isGlobal = (token: string): boolean => {
  if (token === '-h') return true;
  const name = token.replace(/^--/, '').split('=')[0]!;
  return token.startsWith('--') && Object.hasOwn(GLOBAL_OPTIONS, name);
};

/**
 * Global options go anywhere, before the command (git style) or after it:
 * `sourcebook --data-dir D sources --json` and `sourcebook sources --json --data-dir D` are the same.
 * Only global options can come before the command, since which options take a value depends on it.
 */
export function parseInvocation(argv: readonly string[], commands: readonly Command[]): Invocation {
  let at = 0;
  while (at < argv.length) {
    const token = argv[at]!;
    if (token === '--' || !token.startsWith('-')) break;
    if (!isGlobal(token))
      throw new UsageError(`unknown option ${token.split('=')[0]} before the command (a command's options go after it).`);
    const valueFollows = globalTakesValue(token) && !token.includes('=');
    if (valueFollows && at + 1 >= argv.length) throw new UsageError(`${token} needs a value.`);
    at += valueFollows ? 2 : 1;
  }
  const name = argv[at] === '--' ? undefined : argv[at];
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (name === undefined || name === 'help') {
    const topic = name === 'help' ? argv[at + 1] : undefined;
    if (topic === undefined) return { kind: 'help' };
    return { kind: 'help', command: findCommand(topic, commands) };
  }
  const command = findCommand(name, commands);
  const specs: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(specs).map(([key, spec]) => [
          key,
          { type: spec.type, multiple: spec.multiple === true, ...(spec.short ? { short: spec.short } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help === true) return { kind: 'help', command };
  return {
    kind: 'run',
    command,
    positionals: parsed.positionals,
    values,
    json: values.json === true,
    ...(typeof values['data-dir'] === 'string' ? { dataDir: values['data-dir'] } : {}),
  };
}

function findCommand(name: string, commands: readonly Command[]): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}".`);
  return command;
}
