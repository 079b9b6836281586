import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from '@playwright/test';
import { ROOT } from './fixtures';

// The built CLI as a user runs it: bin/sourcebook.cjs → out/main/cli.cjs (npm run build), no browser.
const BIN = path.join(ROOT, 'bin/sourcebook.cjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function sourcebook(args: string[], options: { bin?: string; closeStdout?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      cwd: ROOT,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // A reader that has gone before the first line is written, as `| head` is once it has its line.
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-cli-'));
let dataDir: string;

test.beforeAll(async () => {
  dataDir = freshDir();
  // The first command seeds the notebook; the tests below read it.
  expect((await sourcebook(['sources', '--data-dir', dataDir])).code).toBe(0);
});

test.describe('the command line as a Unix tool', () => {
  test('takes global options before or after the command', async () => {
    const before = await sourcebook(['--data-dir', dataDir, 'sources', '--json']);
    const after = await sourcebook(['sources', '--data-dir', dataDir, '--json']);
    const jsonFirst = await sourcebook(['--json', '--data-dir', dataDir, 'sources']);
    const equalsForm = await sourcebook([`--data-dir=${dataDir}`, 'sources', '--json']);
    for (const run of [before, after, jsonFirst, equalsForm]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(before.stdout);
    }
    expect((JSON.parse(before.stdout) as { id: string }[]).map((s) => s.id)).toEqual([
      'seed-000',
      'seed-001',
      'seed-002',
      'seed-003',
      'seed-004',
    ]);
  });

  test('runs as a program of its own, through its #! line, with or without NODE_EXTRA_CA_CERTS', async () => {
    const direct = (env: NodeJS.ProcessEnv) =>
      new Promise<Run>((resolve) => {
        // The #! line finds node through PATH, as a user's shell does: this test's node comes first.
        const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
        const child = spawn(BIN, ['sources', '--json', '--data-dir', dataDir], { cwd: ROOT, env: { ...env, PATH } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
      });
    const viaNode = await sourcebook(['sources', '--json', '--data-dir', dataDir]);
    for (const env of [
      { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' },
      { ...process.env, NODE_EXTRA_CA_CERTS: '' },
    ]) {
      const run = await direct(env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(viaNode.stdout);
    }
  });

  test('ends quietly when the reader of its output has gone (`| head`)', async () => {
    for (const args of [['sources'], ['entities', '--json'], ['source', 'seed-002', '--passages']]) {
      const run = await sourcebook([...args, '--data-dir', dataDir], { closeStdout: true });
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.signal).toBeNull();
      expect(run.code, args.join(' ')).toBe(0);
    }
  });

  test('ends quietly in a real pipeline through head -1', async () => {
    const shell = spawn('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" --data-dir "${dataDir}" entities | head -1`], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    shell.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    shell.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => shell.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split(/\s+/).slice(0, 4)).toEqual(['ID', 'TYPE', 'NAME', 'MENTIONS']);
  });

  test('says what happened in its exit status', async () => {
    const unknownCommand = await sourcebook(['sourcez', '--data-dir', dataDir]);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "sourcez"');

    const unknownOption = await sourcebook(['sources', '--colour', '--data-dir', dataDir]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--colour'");
    expect(unknownOption.stderr).toContain('Usage: sourcebook sources');

    const commandOptionFirst = await sourcebook(['--limit', '3', 'search', 'ministry', '--data-dir', dataDir]);
    expect(commandOptionFirst.code).toBe(2);
    expect(commandOptionFirst.stderr).toContain('unknown option --limit before the command');

    const invalid = await sourcebook(['search', 'ministry', '--limit', '0', '--data-dir', dataDir]);
    expect(invalid.code).toBe(2);

    // A usage error found by the command itself (a verb without its arguments) is a usage error too.
    const incomplete = await sourcebook(['source', 'tag', '--data-dir', dataDir]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('name the source');

    const missing = await sourcebook(['source', 'src-000000000000', '--json', '--data-dir', dataDir]);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });

  test('exits 4 (busy) when another process holds the notebook for writing, and 0 once it lets go', async () => {
    const dir = freshDir();
    expect((await sourcebook(['sources', '--data-dir', dir])).code).toBe(0);
    const holder = new Database(path.join(dir, 'notebook.sqlite'));
    try {
      holder.exec('BEGIN IMMEDIATE');
      const busy = await sourcebook(['note', 'create', '--title', 'Blocked', '--data-dir', dir]);
      expect(busy.code).toBe(4);
      expect(busy.stderr).toMatch(/busy|another/i);
      holder.exec('ROLLBACK');
    } finally {
      holder.close();
    }
    expect((await sourcebook(['note', 'create', '--title', 'Free', '--data-dir', dir])).code).toBe(0);
  });

  test('exits 5 with what to do when the app is not built', async () => {
    // A copy of the launcher in a folder without out/: what a checkout looks like before npm run build.
    const checkout = freshDir();
    fs.mkdirSync(path.join(checkout, 'bin'));
    fs.copyFileSync(BIN, path.join(checkout, 'bin', 'sourcebook.cjs'));
    const run = await sourcebook(['sources'], { bin: path.join(checkout, 'bin', 'sourcebook.cjs') });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('run `npm run build`');
  });

  test('lists the exit codes in its help', async () => {
    const help = await sourcebook(['help']);
    expect(help.code).toBe(0);
    for (const line of ['0  done', '2  usage error', '3  not found', '4  busy', '5  unavailable']) expect(help.stdout).toContain(line);
    const commandHelp = await sourcebook(['help', 'search']);
    expect(commandHelp.stdout).toContain('Usage: sourcebook search');
    expect(commandHelp.stdout).toContain('--limit');
  });

  test('finishes a search and an import promptly: idle workers never keep it running', async () => {
    const search = await sourcebook(['search', 'ministry', '--json', '--data-dir', dataDir]);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
    const file = path.join(freshDir(), 'memo.txt');
    fs.writeFileSync(file, 'Memo\n\nThe Ministry of State Security met in Beijing.\n');
    const imported = await sourcebook(['import', file, '--json', '--data-dir', freshDir()]);
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.stdout) as { imported: unknown[] }).imported).toHaveLength(1);
  });
});
