import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { nodeCrypto } from '../nodeCrypto';

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;

function fileError(error: unknown, target: string): ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ApiError('disk_full', `Cannot write ${target}: the disk is full.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ApiError('read_only', `Cannot write ${target}: no permission to write in that folder.`);
  if (code === 'EISDIR') return new ApiError('invalid_input', `Cannot write ${target}: it is a folder; name a file inside it.`);
  return new ApiError('internal', `Cannot write ${target}: ${(error as Error).message}`);
}

/**
 * Writes a file whole or not at all, without trusting the folder it goes to: the bytes go to a
 * temporary sibling with a random name, created exclusively (O_EXCL: never an existing file),
 * never through a symbolic link (O_NOFOLLOW), readable by the owner only (0600), flushed to disk,
 * then renamed over the target (rename replaces a link, it never writes through one). On any
 * failure the temporary file is removed, so a refused export leaves nothing behind.
 */
export function writeFileAtomically(file: string, data: Uint8Array | string): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new ApiError('invalid_input', `Cannot write ${target}: the folder ${dir} does not exist.`);
  }
  if (!dirStat.isDirectory()) throw new ApiError('invalid_input', `Cannot write ${target}: ${dir} is not a folder.`);
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new ApiError('invalid_input', `Cannot write ${target}: it is a folder; name a file inside it.`);

  const temp = path.join(dir, `.${path.basename(target).slice(0, 100)}.${nodeCrypto().randomBytes(9).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw fileError(error, target);
  }
  return target;
}
