import fs from 'node:fs';

const uid = process.getuid?.();
const S_ISVTX = 0o1000;

/**
 * The notebook is one user's: its folder is 0700 and its database files 0600, so another account
 * on the machine can neither list nor read it. Only what this user owns is changed, and never a
 * shared sticky folder such as /tmp, should someone point --data-dir at one. Windows has no modes.
 */
export function tightenFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory() || (uid !== undefined && stat.uid !== uid) || stat.mode & S_ISVTX) return;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(dir, stat.mode & 0o700);
}

export function tightenFile(file: string): void {
  if (process.platform === 'win32') return;
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || (uid !== undefined && stat.uid !== uid)) return;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, stat.mode & 0o600);
}
