import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** How long a launch link works: long enough to start a browser on a loaded machine, no longer. */
export const LAUNCH_TTL_MS = 60_000;
const LAUNCH_FILE = /^\.launch-[0-9a-f]{24}\.html$/;

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The loopback shell's credentials. A launch token is one-time and short-lived: it reaches the
 * browser in a URL fragment (never sent to any server, never in a process's arguments: the
 * browser is started on a private file that forwards to it) and is exchanged, once, for a session
 * value that the page keeps in sessionStorage and sends as a header. Nothing is a cookie, so
 * nothing is sent to other ports of 127.0.0.1, and two notebooks open at once never share or
 * overwrite each other's session.
 */
export class SessionKeeper {
  private readonly launches = new Map<string, number>();
  private readonly sessions = new Set<string>();
  private readonly files = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  issueLaunch(ttlMs = LAUNCH_TTL_MS): string {
    this.sweep();
    const token = random(24);
    this.launches.set(token, this.now() + ttlMs);
    return token;
  }

  /** Trades a launch token for a new session value; a used, expired or unknown token gets nothing. */
  exchange(token: string | undefined): string | undefined {
    this.sweep();
    if (!token) return undefined;
    for (const [known] of this.launches) {
      if (!same(known, token)) continue;
      this.launches.delete(known);
      this.removeFile(known);
      const session = random(32);
      this.sessions.add(session);
      return session;
    }
    return undefined;
  }

  isSession(value: string | undefined): boolean {
    if (!value) return false;
    for (const session of this.sessions) if (same(session, value)) return true;
    return false;
  }

  /**
   * A private HTML file (0600, created exclusively, never through a link) that forwards to the
   * launch URL. The browser is started on this file's path, so the token never appears in a
   * command line that other users can read from /proc.
   */
  writeLaunchFile(dir: string, token: string, url: string): string {
    const file = path.join(dir, `.launch-${randomBytes(12).toString('hex')}.html`);
    const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
    const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    try {
      fs.writeSync(
        fd,
        `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
          `<meta http-equiv="refresh" content="0;url=${url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">` +
          `<title>Opening Sourcebook…</title>`,
      );
    } finally {
      fs.closeSync(fd);
    }
    this.files.set(token, file);
    return file;
  }

  /** Launch files left by a run that was killed before its browser used them. */
  static removeStaleLaunchFiles(dir: string, olderThanMs = LAUNCH_TTL_MS): void {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    const before = Date.now() - olderThanMs;
    for (const name of names) {
      if (!LAUNCH_FILE.test(name)) continue;
      const file = path.join(dir, name);
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.mtimeMs < before) fs.rmSync(file, { force: true });
    }
  }

  close(): void {
    for (const token of [...this.files.keys()]) this.removeFile(token);
    this.launches.clear();
    this.sessions.clear();
  }

  private removeFile(token: string): void {
    const file = this.files.get(token);
    if (!file) return;
    this.files.delete(token);
    fs.rmSync(file, { force: true });
  }

  /** Forgets expired launch tokens and removes their files. */
  sweep(): void {
    const now = this.now();
    for (const [token, until] of this.launches) {
      if (until > now) continue;
      this.launches.delete(token);
      this.removeFile(token);
    }
  }
}
