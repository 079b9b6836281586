import fs from 'node:fs';
import { EXIT } from './exit';

/**
 * What the command prints, written straight to the file descriptor. `process.stdout` is a stream
 * whose first use loads Node's net, tty and stream modules (≈ 10 ms of a 150 ms command); a
 * command prints once or twice and exits, so a synchronous write is all it needs.
 *
 * A closed pipe (`sourcebook sources | head -1`) ends the command quietly, as it does any Unix
 * tool: the reader has what it wanted. A full non-blocking pipe (a parent that reads slowly)
 * takes the rest, and everything after it, through the stream, which waits for the reader.
 */
const onStream = new Set<1 | 2>();

function stream(fd: 1 | 2): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  if (!onStream.has(fd)) {
    onStream.add(fd);
    s.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      if (fd === 1) process.exit(EXIT.ok);
    });
  }
  return s;
}

function writeAll(fd: 1 | 2, text: string): void {
  if (onStream.has(fd)) return void stream(fd).write(text);
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        if (fd === 1) process.exit(EXIT.ok);
        return; // nobody reads standard error any more: nothing to say it on
      }
      if (code !== 'EAGAIN') throw error;
      return void stream(fd).write(bytes.subarray(offset));
    }
  }
}

export const writeOut = (text: string): void => writeAll(1, text);
export const writeErr = (text: string): void => writeAll(2, text);
/** Whether everything printed has reached the file descriptors (nothing waits in a stream). */
export const allWritten = (): boolean => onStream.size === 0;
