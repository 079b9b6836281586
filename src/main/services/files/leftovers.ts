import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True while a process with this id exists (ours or another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const uid = process.getuid?.();

/**
 * Removes what a killed or crashed run left behind: temporary folders named `<prefix><pid>-…`
 * in the system temp folder whose process is gone and that belong to this user. Another user's
 * folders, and those of a run still going, are never touched.
 */
export function removeDeadProcessFolders(prefix: string, dir = os.tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    const full = path.join(dir, name);
    try {
      const stat = fs.lstatSync(full);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      fs.rmSync(full, { recursive: true, force: true });
      removed++;
    } catch {
      // Removed by someone else meanwhile.
    }
  }
  return removed;
}

/** Files in `dir` whose names match and that are older than `olderThanMs`: stale temporary files. */
export function removeStaleFiles(dir: string, match: RegExp, olderThanMs: number): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const before = Date.now() - olderThanMs;
  for (const name of names) {
    if (!match.test(name)) continue;
    const full = path.join(dir, name);
    try {
      const stat = fs.lstatSync(full);
      if (stat.isFile() && stat.mtimeMs < before) {
        fs.rmSync(full, { force: true });
        removed++;
      }
    } catch {
      // Gone already.
    }
  }
  return removed;
}
