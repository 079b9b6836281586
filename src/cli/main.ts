import { parseArgs } from 'node:util';
import { ApiError } from '../shared/errors';
import { terminalSafe } from '../shared/text';
import { commands } from './commands';
import { createContext } from './context';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean', description: 'print JSON for scripts' },
  'data-dir': { type: 'string', description: 'notebook folder (default: $SOURCEBOOK_DATA_DIR or the per-user data folder)' },
  help: { type: 'boolean', description: 'show help' },
} as const;

function help(): string {
  const lines = ['Usage: sourcebook <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.usage.padEnd(58)} ${c.summary}`);
  lines.push('', 'Global options:');
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) lines.push(`  --${name.padEnd(12)} ${spec.description}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(terminalSafe(`sourcebook: unknown command "${name}".\n\n${help()}\n`));
    return 2;
  }
  const optionSpecs = Object.fromEntries(
    Object.entries({ ...GLOBAL_OPTIONS, ...command.options }).map(([k, v]) => [
      k,
      {
        type: v.type,
        multiple: 'multiple' in v && v.multiple === true,
        ...('short' in v && typeof v.short === 'string' ? { short: v.short } : {}),
      },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: optionSpecs, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(terminalSafe(`sourcebook ${name}: ${(error as Error).message}\nUsage: sourcebook ${command.usage}\n`));
    return 2;
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    process.stdout.write(`Usage: sourcebook ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  const json = values.json === true;
  const ctx = createContext({ dataDir: values['data-dir'] as string | undefined, json });
  try {
    await command.run(ctx, parsed.positionals, values);
    return 0;
  } catch (error) {
    const apiError = ApiError.from(error);
    if (json) process.stderr.write(terminalSafe(JSON.stringify({ error: apiError.toJSON() })) + '\n');
    else process.stderr.write(terminalSafe(`sourcebook ${name}: ${apiError.message}`) + '\n');
    return apiError.code === 'invalid_input' || apiError.code === 'not_found' ? 2 : 1;
  } finally {
    ctx.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
