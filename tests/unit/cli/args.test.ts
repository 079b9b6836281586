import { describe, expect, it } from 'vitest';
import { parseInvocation, UsageError } from '../../../src/cli/args';
import { commands } from '../../../src/cli/commands';
import { EXIT, exitCodeFor } from '../../../src/cli/exit';
import { ERROR_CODES } from '../../../src/shared/errors';

const parse = (...argv: string[]) => parseInvocation(argv, commands);
const run = (...argv: string[]) => {
  const invocation = parse(...argv);
  if (invocation.kind !== 'run') throw new Error(`expected a command, got ${invocation.kind}`);
  return { name: invocation.command.name, positionals: invocation.positionals, json: invocation.json, dataDir: invocation.dataDir };
};

describe('command line parsing', () => {
  it('takes global options before the command, after it, or both', () => {
    const expected = { name: 'sources', positionals: [], json: true, dataDir: 'D' };
    expect(run('--data-dir', 'D', 'sources', '--json')).toEqual(expected);
    expect(run('sources', '--data-dir', 'D', '--json')).toEqual(expected);
    expect(run('--json', 'sources', '--data-dir=D')).toEqual(expected);
    expect(run('--data-dir=D', '--json', 'sources')).toEqual(expected);
  });

  it('keeps command options and positionals with their command', () => {
    expect(run('--data-dir', 'D', 'search', 'counter', 'espionage', '--limit', '3')).toMatchObject({
      name: 'search',
      positionals: ['counter', 'espionage'],
    });
    const invocation = parse('export', 'n-1', '-o', 'out.md', '--format', 'md');
    expect(invocation).toMatchObject({ kind: 'run', values: { output: 'out.md', format: 'md' }, positionals: ['n-1'] });
  });

  it('gives help for the tool and for one command', () => {
    expect(parse()).toEqual({ kind: 'help' });
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-h')).toEqual({ kind: 'help' });
    expect(parse('help', 'search')).toMatchObject({ kind: 'help', command: { name: 'search' } });
    expect(parse('search', '--help')).toMatchObject({ kind: 'help', command: { name: 'search' } });
    expect(parse('--data-dir', 'D', 'search', '-h')).toMatchObject({ kind: 'help', command: { name: 'search' } });
  });

  it('refuses what it cannot place, naming it', () => {
    expect(() => parse('sourcez')).toThrow(new UsageError('unknown command "sourcez".'));
    expect(() => parse('--limit', '3', 'search', 'x')).toThrow(/unknown option --limit before the command/);
    expect(() => parse('sources', '--colour')).toThrow(/Unknown option '--colour'/);
    expect(() => parse('sources', '--data-dir')).toThrow(/argument missing/);
    expect(() => parse('--data-dir')).toThrow('--data-dir needs a value.');
    try {
      parse('sources', '--colour');
    } catch (error) {
      expect((error as UsageError).command?.name).toBe('sources');
    }
  });
});

describe('exit status', () => {
  it('maps every error code to a documented status', () => {
    const statuses = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(statuses.has(exitCodeFor(code))).toBe(true);
    expect(exitCodeFor('invalid_input')).toBe(2);
    expect(exitCodeFor('not_found')).toBe(3);
    expect(exitCodeFor('busy')).toBe(4);
    expect(exitCodeFor('unavailable')).toBe(5);
    expect(exitCodeFor('conflict')).toBe(6);
    expect(exitCodeFor('internal')).toBe(1);
  });
});
