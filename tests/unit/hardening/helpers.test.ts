import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src/main/services/files/atomic';
import { SessionKeeper } from '../../../src/main/loopback/session';
import { stripControls, terminalSafe } from '../../../src/shared/text';
import { webAddress } from '../../../src/shared/url';
import { extractDocument } from '../../../src/main/services/import/parse';
import { tempDir } from '../helpers';

describe('web addresses', () => {
  it('keeps http(s) and DOI addresses and refuses everything else', () => {
    expect(webAddress('https://example.org/a b')).toBeNull();
    expect(webAddress(' https://example.org/x ')).toBe('https://example.org/x');
    expect(webAddress('doi:10.1000/182')).toBe('https://doi.org/10.1000/182');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'https://user:pw@example.org/',
      'java\tscript:x',
      'https://exa\u0000mple.org',
      'mailto:a@b.c',
      '//example.org',
    ])
      expect(webAddress(bad), bad).toBeNull();
  });
});

describe('control characters', () => {
  it('are stripped from imported text and titles, and escaped on the terminal', async () => {
    expect(stripControls('a\u001b]0;pwned\u0007b\r\nc\u009bd')).toBe('a]0;pwnedb\ncd');
    expect(terminalSafe('title\u001b[2J\u202eevil\n')).toBe('title\\u001b[2J\\u202eevil\n');
    const doc = await extractDocument(Buffer.from('\u001b[2JTitle\u0007 here\n\nBody \u001b]0;x\u0007text.\n'), 'esc.txt');
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(doc.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(doc.metadata.title).toBe('[2JTitle here');
  });
});

describe('exports written atomically', () => {
  it('never leaves a temporary file, refuses a folder, replaces a planted link instead of following it, mode 0600', () => {
    const dir = tempDir('sourcebook-atomic-');
    const file = writeFileAtomically(path.join(dir, 'report.md'), 'hello');
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.mkdirSync(path.join(dir, 'folder'));
    expect(() => writeFileAtomically(path.join(dir, 'folder'), 'x')).toThrow(/is a folder/);
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'theirs');
    fs.symlinkSync(victim, path.join(dir, 'linked.md'));
    writeFileAtomically(path.join(dir, 'linked.md'), 'mine');
    expect(fs.readFileSync(victim, 'utf8')).toBe('theirs');
    expect(fs.lstatSync(path.join(dir, 'linked.md')).isSymbolicLink()).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('loopback launch tokens', () => {
  it('work once, expire, and live in a private launch file that goes once used', () => {
    let now = 1000;
    const keeper = new SessionKeeper(() => now);
    const dir = tempDir('sourcebook-launch-');
    const token = keeper.issueLaunch(60_000);
    const file = keeper.writeLaunchFile(dir, token, `http://127.0.0.1:1/#launch=${token}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain(token);
    const session = keeper.exchange(token);
    expect(session).toBeTruthy();
    expect(session).not.toBe(token);
    expect(keeper.isSession(session)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(keeper.exchange(token), 'a replay').toBeUndefined();
    const late = keeper.issueLaunch(60_000);
    now += 60_001;
    expect(keeper.exchange(late), 'an expired token').toBeUndefined();
    expect(keeper.isSession('guess')).toBe(false);
  });
});
