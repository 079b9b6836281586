import { ApiError } from '../shared/errors';
import { terminalSafe } from '../shared/text';
import { GLOBAL_OPTIONS, parseInvocation, UsageError } from './args';
import { commands } from './commands';
import type { Command } from './commands/types';
import { EXIT, EXIT_HELP, exitCodeFor } from './exit';
import { allWritten, writeErr, writeOut } from './output';

const optionLines = (options: Record<string, { description: string; short?: string }>) =>
  Object.entries(options).map(([name, spec]) => `  ${`${spec.short ? `-${spec.short}, ` : ''}--${name}`.padEnd(20)} ${spec.description}`);

function help(): string {
  return [
    'Usage: sourcebook [--data-dir DIR] [--json] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
    'Global options (before or after the command):',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Exit status:',
    ...EXIT_HELP.map(([code, meaning]) => `  ${code}  ${meaning}`),
    '',
    '`sourcebook help <command>` shows a command’s options.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = command.options ? ['', 'Options:', ...optionLines(command.options)] : [];
  return [`Usage: sourcebook ${command.usage}`, command.summary, ...options, '', 'Global options:', ...optionLines(GLOBAL_OPTIONS)].join(
    '\n',
  );
}

async function main(argv: string[]): Promise<number> {
  let invocation;
  try {
    invocation = parseInvocation(argv, commands);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const usage = error.command ? `Usage: sourcebook ${error.command.usage}` : 'Run `sourcebook help` for the commands.';
    writeErr(terminalSafe(`sourcebook${error.command ? ` ${error.command.name}` : ''}: ${error.message}\n${usage}\n`));
    return EXIT.usage;
  }
  if (invocation.kind === 'help') {
    writeOut((invocation.command ? commandHelp(invocation.command) : help()) + '\n');
    return EXIT.ok;
  }
  const { command, json } = invocation;
  // Loaded only to run a command: help and usage errors answer without loading the services.
  const { createContext } = await import('./context');
  const ctx = createContext({ dataDir: invocation.dataDir, json });
  try {
    await command.run(ctx, invocation.positionals, invocation.values);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    // A usage error the command found itself (a verb without its arguments) exits as one: 2.
    const apiError = error instanceof UsageError ? new ApiError('invalid_input', error.message) : ApiError.from(error);
    if (json) writeErr(terminalSafe(JSON.stringify({ error: apiError.toJSON() })) + '\n');
    else writeErr(terminalSafe(`sourcebook ${command.name}: ${apiError.message}`) + '\n');
    return exitCodeFor(apiError.code);
  } finally {
    await ctx.close();
  }
}

// No top-level await: the bundle is CommonJS (vite.cli.config.ts says why).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Everything the command printed is written (synchronously) and the notebook is closed: leave now
  // rather than let Node tear down every module and handle first (≈ 5 ms). Output still queued on a
  // stream (a full pipe) is waited for.
  if (allWritten()) process.exit(code);
});
